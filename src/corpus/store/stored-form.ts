import { deserialize, serialize } from 'node:v8';
import type { Analysis } from '../../analysis/analysis.ts';
import { peopleFeatures, type PeopleFeatures } from '../../analysis/people/registry.ts';
import { storyFeatures, type StoryFeatures } from '../../analysis/stories/features.ts';
import { articleId, canonicalUrl, contentHash } from '../article-id.ts';
import type { ArticleInput } from '../article.ts';
import { topicsOfArticle } from '../topics.ts';
import { encodeAnalysis } from './analysis-codec.ts';

/**
 * What storing an article needs that follows from the article and its analysis alone: its id,
 * content hash and known topics, and the analysis as stored. A parallel ingest computes it on
 * the analysis thread, beside the analysis, so that the writing thread only writes (about 1.4
 * CPU-ms of a 700-word article, most of it deflating the analysis); it is a few strings and a
 * deflated buffer, cheap to pass between threads.
 */
export interface StoredForm {
  id: string;
  hash: string;
  /** The URL as stored: null when it is not an http(s) URL. */
  url: string | null;
  topics: string[];
  /** The analysis, deflated (`encodeAnalysis`). */
  analysis: Uint8Array;
}

export function storedForm(input: ArticleInput, analysis: Analysis): StoredForm {
  return {
    id: articleId(input),
    hash: contentHash(input),
    url: input.url && canonicalUrl(input.url) ? input.url.trim() : null,
    topics: topicsOfArticle(input),
    analysis: encodeAnalysis(analysis),
  };
}

/**
 * An article analysed and made ready to store: its stored form (with the deflated analysis) and
 * what the story and people indexers read from the analysis. The analysis itself is left out:
 * passing its object graph from a thread cost the writing thread about 0.5 ms per article.
 */
export interface PreparedArticle {
  stored: StoredForm;
  story: StoryFeatures;
  people: PeopleFeatures;
}

/**
 * A prepared article as an analysis thread hands it over: its V8 serialisation, in a buffer the
 * thread gives up rather than copies. The writing thread decodes it (`unpackPrepared`) only
 * when it writes the article. Sent as objects, each was rebuilt on the writing thread as its
 * message came, and lived there while up to 200 articles waited for their batch: young enough to
 * be copied by every scavenge, old enough to be promoted, then garbage for the old generation.
 * Packed, an ingest peaks about 15 MB lower; the writer's CPU is the same (`docs/memory.md`).
 */
export type PackedArticle = Uint8Array;

export const packPrepared = (prepared: PreparedArticle): PackedArticle => serialize(prepared);

export const unpackPrepared = (packed: PackedArticle): PreparedArticle =>
  deserialize(packed) as PreparedArticle;

export function prepareArticle(input: ArticleInput, analysis: Analysis): PreparedArticle {
  const stored = storedForm(input, analysis);
  return {
    stored,
    story: storyFeatures(input, analysis),
    people: peopleFeatures(input, analysis, stored.topics),
  };
}
