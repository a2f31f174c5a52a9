import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/paths.ts';

/**
 * README.md and docs/ must make sense in a fresh clone: every relative link resolves to a file
 * of the repository, and no path (linked or quoted) leads out of it, to a folder beside the
 * checkout or to a developer's machine.
 */

/** Absolute paths into someone's machine, and the shared folders a clone does not have. */
const MACHINE_PATH = /(?:^|[\s`'"(=])(\/(?:work|home|Users|mnt|root)\/[^\s`'")]*)/g;
const SHARED_FOLDER = /\b(?:shared|dev-data)\/[^\s`'")]*/g;
const PARENT_PATH = /(?:\.\.\/)+[^\s`'")]*/g;
const EXTERNAL = /^(?:[a-z][a-z+.-]*:|#)/i;
const URL = /\b[a-z][a-z+.-]*:\/\/[^\s)>]+/gi;
/** A Markdown file named in the text (`docs/who.md`, `DESIGN.md`). */
const NAMED_DOCUMENT = /(?<![\w/.-])(?:[\w-]+\/)*[\w.-]+\.md\b/g;

/** Text with code blocks and code spans blanked, so only real links remain. */
function withoutCode(markdown: string): string {
  return markdown
    .replace(/^```[\s\S]*?^```/gm, (block) => block.replace(/[^\n]/g, ' '))
    .replace(/`[^`\n]*`/g, (span) => ' '.repeat(span.length));
}

/** Problems of one markdown file at repository path `path`, one line each. */
function linkProblems(path: string, markdown: string, exists: (path: string) => boolean) {
  const problems: string[] = [];
  const dir = posix.dirname(path);
  const outside = (target: string) => {
    const resolved = posix.normalize(posix.join(dir, target));
    return resolved === '..' || resolved.startsWith('../');
  };
  const lines = markdown.split('\n');
  const linkLines = withoutCode(markdown).split('\n');
  lines.forEach((line, index) => {
    const where = `${path}:${index + 1}`;
    for (const match of line.matchAll(PARENT_PATH)) {
      if (outside(match[0])) problems.push(`${where}: ${match[0]} is outside the repository`);
    }
    for (const match of line.matchAll(MACHINE_PATH)) {
      problems.push(`${where}: ${match[1]} is a path on one machine`);
    }
    for (const match of line.matchAll(SHARED_FOLDER)) {
      problems.push(`${where}: ${match[0]} is not in the repository`);
    }
    for (const match of line.replace(URL, ' ').matchAll(NAMED_DOCUMENT)) {
      if (!exists(match[0]) && !exists(posix.join(dir, match[0]))) {
        problems.push(`${where}: ${match[0]} is not a file of the repository`);
      }
    }
    for (const match of linkLines[index]!.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
      const target = decodeURI(match[1]!.split('#')[0]!);
      if (EXTERNAL.test(match[1]!) || !target || outside(target)) continue;
      const file = posix.normalize(posix.join(dir, target));
      if (!exists(file)) problems.push(`${where}: link to ${target}, which does not exist`);
    }
  });
  return problems;
}

const documents = [
  'README.md',
  ...readdirSync(join(repoRoot, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];

describe('links in README.md and docs/', () => {
  it('stay inside the repository and point at files that exist', () => {
    const problems = documents.flatMap((path) =>
      linkProblems(path, readFileSync(join(repoRoot, path), 'utf8'), (file) =>
        existsSync(join(repoRoot, file)),
      ),
    );
    expect(documents).toContain('docs/architecture.md');
    expect(problems).toEqual([]);
  });

  it('reports links and paths that leave the checkout', () => {
    const exists = (file: string) => ['docs/who.md', 'src/main.ts'].includes(file);
    const text = [
      'See `../../dev-data/DESIGN.md` and [who](who.md), [main](../src/main.ts#L3).',
      'Run `npm run eval:quotes -- /work/shared/dev-data/polnear/dev` or DATA/polnear/dev.',
      'A [gone](events.md) link, a [site](https://example.org/a/../b) and `](b` in code.',
      'The map is in DESIGN.md, not in [it](https://example.org/README.md) or docs/who.md.',
      '```sh',
      'cat ../../outside.txt   # [not a link](nowhere.txt)',
      '```',
    ].join('\n');
    expect(linkProblems('docs/x.md', text, exists)).toEqual([
      'docs/x.md:1: ../../dev-data/DESIGN.md is outside the repository',
      'docs/x.md:1: dev-data/DESIGN.md is not in the repository',
      'docs/x.md:2: /work/shared/dev-data/polnear/dev is a path on one machine',
      'docs/x.md:2: shared/dev-data/polnear/dev is not in the repository',
      'docs/x.md:3: events.md is not a file of the repository',
      'docs/x.md:3: link to events.md, which does not exist',
      'docs/x.md:4: DESIGN.md is not a file of the repository',
      'docs/x.md:6: ../../outside.txt is outside the repository',
    ]);
  });
});
