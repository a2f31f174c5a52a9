import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.ts';
import { captureIo } from '../helpers/cli-io.ts';

interface AnalyzeRecord {
  id: string;
  origin: string;
  entities: { text: string; type: string; start: number; end: number; canonical: string }[];
  quotes: {
    kind: string;
    content: { start: number; end: number; text: string };
    speaker: string | null;
  }[];
  events: { category: string; text: string }[];
  summary: string[];
}

const work = mkdtempSync(join(tmpdir(), 'sitrep-analyze-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A saved page in the seed's plain-text layout: header lines, body, hashtags, site furniture. */
const PAGE = [
  'Peacekeepers reinforced in northern Kosovo',
  '',
  'by Example Wire',
  '',
  '2023-09-30 10:14:00',
  '',
  'https://example.org/news/kosovo-attack-kfor',
  '',
  'NATO approved more troops for its peacekeeping mission on Saturday. "We will not allow the north to slide back into violence," alliance spokesman Dylan White said.',
  '',
  'Serbia denied any role in the fighting. The extra battalion will serve with KFOR',
  '',
  '#Kosovo #NATO',
  '',
  'You may also like',
  '',
  'Leave a Comment',
].join('\n');
const pagePath = join(work, 'kfor-page.txt');
writeFileSync(pagePath, PAGE);

const records = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as AnalyzeRecord);

async function analyze(argv: string[], stdin?: { text: string } | 'terminal') {
  const run = captureIo(
    stdin === 'terminal' ? { stdinIsTTY: true } : stdin ? { stdin: stdin.text } : {},
  );
  const code = await main(['analyze', ...argv], run.io);
  return { code, stdout: run.stdout(), stderr: run.stderr() };
}

describe('sitrep analyze', () => {
  it('reads a saved page as ingest does: no header, URL or site furniture in the body', async () => {
    const result = await analyze([pagePath]);
    expect(result.code).toBe(0);
    const [record] = records(result.stdout);
    expect(record!.origin).toBe(pagePath);
    expect(record!.entities.map((entity) => entity.text)).toContain('KFOR');
    expect(record!.entities.map((entity) => entity.text)).not.toContain('KFOR You');
    expect(record!.events.some((event) => event.text.includes('https://'))).toBe(false);
    // An attribution only the cue model found ("NATO approved ...") may come before it.
    expect(record!.quotes.find((quote) => quote.kind === 'direct')).toMatchObject({
      content: { text: expect.stringContaining('slide back into violence') },
    });
  });

  it('takes the text verbatim with --plain, offsets into the file as it is', async () => {
    const result = await analyze(['--plain', pagePath]);
    expect(result.code).toBe(0);
    const [record] = records(result.stdout);
    for (const quote of record!.quotes)
      expect(PAGE.slice(quote.content.start, quote.content.end)).toBe(quote.content.text);
    expect(record!.quotes.length).toBeGreaterThan(0);
  });

  it('reads piped standard input like a file', async () => {
    const piped = await analyze([], { text: PAGE });
    const fromFile = await analyze([pagePath]);
    const strip = ({ origin: _origin, ...rest }: AnalyzeRecord) => rest;
    expect(records(piped.stdout).map(strip)).toEqual(records(fromFile.stdout).map(strip));
    expect(records(piped.stdout)[0]!.origin).toBe('-');
  });

  it('answers each {"id","text"} line of a file or of stdin with --jsonl', async () => {
    const lines = [
      JSON.stringify({ id: 'a', text: 'Josep Borrell said that the talks had failed again.' }),
      'not json',
      JSON.stringify({ id: 'b', text: '' }),
    ].join('\n');
    const linesPath = join(work, 'lines.jsonl');
    writeFileSync(linesPath, lines);
    for (const result of [
      await analyze(['--jsonl', linesPath]),
      await analyze(['--jsonl'], { text: lines }),
    ]) {
      expect(result.code).toBe(1);
      const out = result.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(out).toHaveLength(3);
      expect(out[0]).toMatchObject({
        id: 'a',
        quotes: [{ speaker: 'Josep Borrell', kind: 'indirect' }],
      });
      expect(out[1]).toMatchObject({ line: 2, error: expect.any(String) });
      expect(out[2]).toMatchObject({ id: 'b', quotes: [] });
    }
  });

  it('parses a structured file into one line per article', async () => {
    const records = [1, 2].map((n) =>
      JSON.stringify({
        title: `Talks resume, round ${n}`,
        body: `Envoys met in Brussels, round ${n}.`,
      }),
    );
    const path = join(work, 'two.ndjson');
    writeFileSync(path, records.join('\n'));
    const result = await analyze([path]);
    expect(result.code).toBe(0);
    expect(
      result.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line).origin),
    ).toEqual([`${path}:1`, `${path}:2`]);
  });

  it('answers no input and a missing file with usage and exit code 2', async () => {
    const nothing = await analyze([], 'terminal');
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toMatch(/usage: sitrep analyze/);
    expect(nothing.stdout).toBe('');
    const missing = await analyze([join(work, 'no-such-file.txt')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no-such-file\.txt[\s\S]*usage: sitrep analyze/);
  });

  it('exits 1 for a file it cannot read as an article, naming it', async () => {
    const path = join(work, 'empty.txt');
    writeFileSync(path, '\n\n');
    const result = await analyze([path, pagePath]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/empty\.txt: empty file/);
    expect(records(result.stdout)).toHaveLength(1);
  });
});
