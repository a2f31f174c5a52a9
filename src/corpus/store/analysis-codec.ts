import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Analysis } from '../../analysis/analysis.ts';

/**
 * How an analysis is kept in `analyses.data`: its JSON, deflated. The JSON of a news article's
 * analysis runs to about ten times the article (every entity, quote and event with its spans);
 * deflated it is about a sixth of that, which is most of the database and of each write.
 * Level 3 costs a third of a millisecond per article; rows written before this (plain JSON
 * text) still read.
 */
export function encodeAnalysis(analysis: Analysis): Buffer {
  return deflateRawSync(JSON.stringify(analysis), { level: 3 });
}

export function decodeAnalysis(data: string | Buffer): Analysis {
  const json = typeof data === 'string' ? data : inflateRawSync(data).toString('utf8');
  return JSON.parse(json) as Analysis;
}
