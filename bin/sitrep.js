#!/usr/bin/env -S MALLOC_ARENA_MAX=2 node --max-old-space-size=160 --single-threaded-gc
// The old-generation limit: see docs/memory.md (without it V8 let the heap of a bulk ingest grow
// to over 400 MB around a live set of about 70 MB). Collecting without helper threads: the same
// file (they only compete with the writer and the analysis threads for two cores), and two malloc
// arenas for all threads instead of one per thread (about 20 MB less RSS while ingesting). The
// serving launchers (`npm start`, deploy/sitrep.service) also ask malloc for huge pages.
// Runs the TypeScript sources directly through tsx, so `npm ci && npm start` needs no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli.ts');
process.exitCode = await main(process.argv.slice(2));
