import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Everything that changes what the cached corpus database holds. */
const SOURCES = [
  'src',
  'commands',
  'bench/generate.ts',
  'bench/templates.ts',
  'bench/vocabulary.ts',
  'bench/prng.ts',
  'package-lock.json',
];

function filesUnder(path: string): string[] {
  if (!statSync(path, { throwIfNoEntry: false })) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => filesUnder(join(path, name)));
}

/**
 * A short hash of the code that analyses and stores articles (and of the generator), so a cached
 * benchmark database is reused only by the code that built it, committed or not.
 */
export function codeVersion(root: string): string {
  const hash = createHash('sha256');
  for (const file of SOURCES.flatMap((source) => filesUnder(join(root, source)))) {
    hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex').slice(0, 12);
}

/** The commit the figures are for, marked `+dirty` when the tree has uncommitted changes. */
export function gitCommit(root: string): string {
  try {
    const git = (...args: string[]) =>
      execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
    const commit = git('rev-parse', '--short', 'HEAD');
    return git('status', '--porcelain', '--untracked-files=no') ? `${commit}+dirty` : commit;
  } catch {
    return 'unknown';
  }
}
