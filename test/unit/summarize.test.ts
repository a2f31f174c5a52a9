import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../src/analysis/analyze.ts';
import { splitSentences } from '../../src/analysis/sentences.ts';
import { summarizeSentences } from '../../src/analysis/summarize.ts';

const body = [
  'By . Staff Reporter .',
  'Serbian gunmen attacked Kosovo police near the village of Banjska on Sunday, killing one officer.',
  'The attackers then barricaded themselves inside a monastery in northern Kosovo.',
  'Kosovo police said three gunmen were killed in the exchange of fire at the monastery.',
  'Kosovo police said three gunmen were killed in an exchange of fire at the monastery in Banjska.',
  'The weather was mild.',
  'Officials in Pristina blamed Belgrade for organising the Banjska attack on the police.',
].join(' ');

describe('summarizeSentences', () => {
  it('returns three sentences in reading order, skipping bylines and fragments', () => {
    const sentences = splitSentences(body);
    const summary = summarizeSentences(sentences, 'Gunmen attack Kosovo police in Banjska');
    expect(summary).toHaveLength(3);
    expect(summary.some((text) => text.startsWith('By'))).toBe(false);
    expect(summary).not.toContain('The weather was mild.');
    const positions = summary.map((text) => body.indexOf(text));
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('picks no question: it reports nothing', () => {
    const asking = `What will it take for Kosovo and Serbia to settle the Banjska attack for good? ${body}`;
    const summary = summarizeSentences(splitSentences(asking), 'Gunmen attack Kosovo police');
    expect(summary).toHaveLength(3);
    expect(summary.join(' ')).not.toContain('?');
  });

  it('does not pick two near-identical sentences', () => {
    const summary = summarizeSentences(splitSentences(body), '');
    const restated = summary.filter((text) => text.startsWith('Kosovo police said three gunmen'));
    expect(restated.length).toBeLessThanOrEqual(1);
  });

  it('keeps a short article whole', () => {
    const short = 'Kosovo police closed the Jarinje crossing on Monday morning after the clashes.';
    expect(summarizeSentences(splitSentences(short))).toEqual([short]);
  });

  it('keeps short sentences of a short article', () => {
    const short =
      'Gunmen attacked a police patrol near Banjska on Sunday. One officer was killed. The attackers fled.';
    expect(summarizeSentences(splitSentences(short))).toEqual([
      'Gunmen attacked a police patrol near Banjska on Sunday.',
      'One officer was killed.',
      'The attackers fled.',
    ]);
  });

  it('is what analysis stores as the summary', () => {
    const analysis = analyzeArticle({ title: 'Banjska attack', body, published: '2023-09-24' });
    expect(analysis.summary).toEqual(summarizeSentences(splitSentences(body), 'Banjska attack'));
  });
});
