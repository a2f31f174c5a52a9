import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, wherever the checkout lives. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The project's shared folder (seed article, dev data): beside the clone in CI, or wherever
 * SITREP_SHARED points (a git worktree elsewhere).
 */
export const sharedDir = process.env['SITREP_SHARED'] ?? resolve(repoRoot, '../shared');

export const seedDir = join(sharedDir, 'seed');
export const seedFile = join(seedDir, 'kosovo-kfor-2023-09-30.txt');
export const sampleDir = join(repoRoot, 'data/sample');
export const cliPath = join(repoRoot, 'bin/sitrep.js');

if (!existsSync(seedFile)) {
  throw new Error(
    `The seed article is missing at ${seedFile}; set SITREP_SHARED to the shared folder.`,
  );
}
