import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // A net for a hung test, not a speed limit (speed lives in `npm run bench`): on a 2-core
    // machine shared with other jobs (load average 20 and more), a test that takes 3 s alone
    // takes over a minute.
    testTimeout: 180_000,
    hookTimeout: 180_000,
    // Vitest's default leaves a core for itself, which is one worker on a 2-core machine; its
    // own process mostly waits, so use every core (the slowest files, started first, overlap).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // Files share their worker's module cache instead of loading the analysis code, SQLite and
    // the platform SDKs afresh for each of the 80-odd files (about a fifth of the suite's CPU).
    // Tests keep no state in modules: each builds its own app, database and fakes.
    isolate: false,
  },
});
