import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The bundled sample corpus: `SITREP_SAMPLE_DIR` when set, else the repository's data/sample. */
export function sampleCorpusDir(): string {
  const dir = process.env['SITREP_SAMPLE_DIR'] ?? resolve(repoRoot, 'data/sample');
  if (!existsSync(dir)) throw new Error(`sample corpus not found at ${dir}`);
  return dir;
}
