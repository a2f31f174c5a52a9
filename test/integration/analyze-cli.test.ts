import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { sampleDir, seedFile } from '../helpers/paths.ts';

interface AnalyzeRecord {
  id: string;
  entities: { text: string; type: string; start: number; end: number; canonical: string }[];
  quotes: {
    kind: string;
    content: { start: number; end: number; text: string };
    speaker: string | null;
    cue: { text: string } | null;
  }[];
  events: unknown[];
  summary: string[];
}

const records = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as AnalyzeRecord);

describe('sitrep analyze', () => {
  it('prints the analysis of a plain file with offsets into its text', async () => {
    const result = await runCli(['analyze', '--plain', seedFile]);
    expect(result.code).toBe(0);
    const [record] = records(result.stdout);
    expect(Object.keys(record!)).toEqual(
      expect.arrayContaining(['id', 'entities', 'quotes', 'events', 'summary']),
    );
    const kirby = record!.quotes.find((quote) => quote.speaker === 'John Kirby');
    expect(kirby?.cue?.text).toBe('noted');
    const text = readFileSync(seedFile, 'utf8');
    for (const quote of record!.quotes)
      expect(text.slice(quote.content.start, quote.content.end)).toBe(quote.content.text);
    expect(
      record!.entities.some(
        (entity) => entity.canonical === 'Albin Kurti' && entity.type === 'PERSON',
      ),
    ).toBe(true);
  });

  it('parses structured files into one line per article', async () => {
    const result = await runCli([
      'analyze',
      `${sampleDir}/2023-09-14-brussels-talks-and-banjska-aftermath.ndjson`,
    ]);
    expect(result.code).toBe(0);
    expect(records(result.stdout).length).toBeGreaterThan(1);
  });

  it('answers each --jsonl line, with an error line for a bad one', async () => {
    const input = [
      JSON.stringify({ id: 'a', text: 'Josep Borrell said that the talks had failed again.' }),
      'not json',
      JSON.stringify({ id: 'b', text: '' }),
    ].join('\n');
    const result = await runCli(['analyze', '--jsonl'], { input });
    expect(result.code).toBe(1);
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({
      id: 'a',
      quotes: [{ speaker: 'Josep Borrell', kind: 'indirect' }],
    });
    expect(lines[1]).toMatchObject({ line: 2 });
    expect(lines[2]).toMatchObject({ id: 'b', quotes: [] });
  });

  it('reports a missing file and exits 1', async () => {
    const result = await runCli(['analyze', '--plain', 'no-such-file.txt']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('no-such-file.txt');
  });
});
