// Worker bootstrap for the backup test's writer, through tsx's in-thread require hook.
const { register } = require('tsx/cjs/api');

register();
require('./ingest-writer.ts');
