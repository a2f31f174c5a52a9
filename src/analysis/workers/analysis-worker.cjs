// Worker bootstrap through tsx's in-thread require hook (no module-hooks thread per worker).
const { register } = require('tsx/cjs/api');

register();
require('./analysis-worker.ts');
