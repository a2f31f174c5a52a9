import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, wherever the checkout lives. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * A folder holding one article: the facts of the project's seed article (NATO reinforces KFOR
 * after Banjska, 30 September 2023) retold in the seed's plain-text layout, so that tests need
 * nothing outside the repository. `npm run check:seed` runs the same checks on the original.
 */
export const seedFixtureDir = join(repoRoot, 'test/fixtures/seed-article');
export const seedFixtureFile = join(seedFixtureDir, 'nato-reinforces-kfor-2023-09-30.txt');
export const sampleDir = join(repoRoot, 'data/sample');
export const cliPath = join(repoRoot, 'bin/sitrep.js');
