#!/usr/bin/env -S node --max-old-space-size=192 --single-threaded-gc
// The old-generation limit: see docs/memory.md (without it V8 let the heap of a bulk ingest grow
// to over 400 MB around a live set of about 70 MB). Collecting without helper threads: the same
// file (they only compete with the writer and the analysis threads for two cores).
// Runs the TypeScript sources directly through tsx, so `npm ci && npm start` needs no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli.ts');
process.exitCode = await main(process.argv.slice(2));
