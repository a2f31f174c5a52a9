// A worker thread starts without its parent's module hooks, so it registers tsx itself before
// loading the TypeScript worker (the bot runs from its sources; see bin/sitrep.js).
import { register } from 'tsx/esm/api';

register();
await import('./analysis-worker.ts');
