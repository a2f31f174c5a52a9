import type { Analysis } from '../analysis.ts';
import { foldedWords } from '../folded-words.ts';
import { termVector, type TermVector } from '../terms.ts';
import { findTopicTerms, knownTopics } from '../../corpus/topics.ts';
import { normaliseText } from '../../corpus/article-id.ts';
import { officialTitle } from './official-titles.ts';
import { headlineLevel, reportSignal, type ReportSignal } from './signal.ts';
import { simhash, toHex } from './simhash.ts';

/** Words that say nothing about which event an article reports. */
const STOPWORDS = new Set(
  (
    'the a an and or but of in on at to for from by with as is are was were be been being has have had ' +
    'it its this that these those there their they them he she his her we our you your i not no ' +
    'said says say told after before over under into about than then also more most some any all ' +
    'which who whom what when where while will would could should may might can did does do new ' +
    'one two three four five six seven eight nine ten first last week day days monday tuesday ' +
    'wednesday thursday friday saturday sunday year years since during against between near per ' +
    'according reported officials official people government minister president just like now ' +
    'how why still even very much many other such only own back out time get got make'
  ).split(' '),
);

/**
 * Opening words of the body that count with the title: the lead says what happened, the rest of
 * an article drifts into background that every report on a war shares.
 */
const LEAD_WORDS = 60;
/** Names (people, places, organisations) are read from this much of the body. */
const LEAD_CHARS = 500;

/** "strikes" and "strike" are one term; short words keep their s ("gas", "bus"). */
const stem = (word: string) => (word.length > 4 && word.endsWith('s') ? word.slice(0, -1) : word);

function words(text: string, limit?: number): string[] {
  return foldedWords(text, limit)
    .filter((word) => word.length > 2 && !STOPWORDS.has(word))
    .map(stem);
}

/**
 * The terms that say which event an article reports: its title's words (counted twice), its
 * lead's words, and the names of the people, places and organisations of its lead as single
 * terms (`n:saleh al arouri`), so that two reports naming the same hospital or commander meet
 * on that name whatever else they say. Counts repeat, as term frequencies.
 */
export function storyTerms(title: string, body: string, analysis: Analysis): string[] {
  // An official document's issuer (`officialTitle`) is its author, not its event: neither the
  // words of the title that name the issuer nor the issuer's name in the lead count.
  const official = officialTitle(title);
  const issuer = new Set(official ? words(official.issuer) : []);
  const titleWords = words(official ? official.subject : title);
  const names = analysis.entities
    .filter((entity) => entity.start < LEAD_CHARS)
    .map((entity) => normaliseText(entity.canonical))
    .filter((name) => name.length > 2 && !issuer.has(stem(name.slice(name.lastIndexOf(' ') + 1))))
    .map((name) => `n:${name}`);
  const lead = words(body, LEAD_WORDS).filter((word) => !issuer.has(word));
  return [...titleWords, ...titleWords, ...lead, ...names];
}

/** The known topics' names as story terms: plain words and whole names (`n:`). */
const TOPIC_NAMES = new Set(
  knownTopics().flatMap((topic) =>
    topic.terms.flatMap((term) => [...words(term), `n:${normaliseText(term)}`]),
  ),
);

/**
 * Whether a story term is only the name of a conflict, a country or one of its places (a known
 * topic's term): two reports that share nothing else ("Kosovo", "Serbia") are about the same
 * conflict, not the same event. A young corpus weighs these names as much as any word, since it
 * has not yet seen them in most of its reports.
 */
export const isTopicName = (term: string) => TOPIC_NAMES.has(term);

/** How often each term occurs, in the order of first occurrence (which breaks ties in `weighTerms`). */
export function countTerms(terms: readonly string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
  return [...counts];
}

/**
 * A TF-IDF vector of counted terms (`countTerms`), kept to its `size` heaviest terms (an event
 * is told by a handful of distinctive words; the long tail only adds noise and storage).
 */
export function weighTerms(
  counts: readonly (readonly [string, number])[],
  idf: (term: string) => number,
  size: number,
): TermVector {
  const weighted = counts.map(([term, n]) => [term, n * idf(term)] as const);
  weighted.sort((a, b) => b[1] - a[1]);
  return termVector(new Map(weighted.slice(0, size)));
}

/** A topic named this often in the body is what the article is about, wherever it is named. */
const CENTRAL_MENTIONS = 3;
/**
 * ... unless another topic is named more than this many times as often: a report of a drone
 * strike on Tel Aviv names Israel 24 times and Hezbollah five, and is not about Lebanon.
 */
const CENTRAL_SHARE = 3;

/**
 * ... and first names it before this share of its length: a topic first named in the last third
 * is a closing round-up ("In another development, UN Secretary General Antonio Guterres has
 * warned that spiralling hostilities between Israel and ... Hezbollah ..."), which had made a
 * report of a strike near the Red Cross's Gaza office the gravest event of `/briefing lebanon`.
 */
const TAIL_START = 2 / 3;

/**
 * The known topics an article names (whole words), split by how: central when its title or lead
 * names the topic, or the body names it at least three times, at least a third as often as the
 * topic it names most, and first before its last third; passing otherwise (a White House
 * briefing that names Kosovo once, among twenty other subjects). Passing mentions neither alert
 * nor set the topic's escalation.
 */
export function topicMentions(
  title: string,
  body: string,
): { central: string[]; passing: string[] } {
  const head = wholeMentions(
    ` ${normaliseText(`${title} ${foldedWords(body, LEAD_WORDS).join(' ')}`)} `,
  );
  const folded = ` ${normaliseText(body)} `;
  const text = wholeMentions(folded);
  const central: string[] = [];
  const passing: string[] = [];
  const most = Math.max(0, ...[...text.values()].map((named) => named.count));
  for (const topic of knownTopics()) {
    const named = text.get(topic.key);
    const mentions = named?.count ?? 0;
    const often =
      named !== undefined &&
      mentions >= CENTRAL_MENTIONS &&
      mentions * CENTRAL_SHARE >= most &&
      named.first < folded.length * TAIL_START;
    if (head.has(topic.key) || often) central.push(topic.key);
    else if (mentions > 0) passing.push(topic.key);
  }
  return { central, passing };
}

/**
 * How many times a folded text names each topic by one of its terms as whole words, and where
 * it first does.
 */
function wholeMentions(folded: string): Map<string, { count: number; first: number }> {
  const counts = new Map<string, { count: number; first: number }>();
  findTopicTerms(folded, (key, _term, whole, at) => {
    if (!whole) return;
    const named = counts.get(key);
    if (named) {
      named.count++;
      named.first = Math.min(named.first, at);
    } else counts.set(key, { count: 1, first: at });
  });
  return counts;
}

/**
 * What the story indexer reads from one article that follows from the article alone: its report
 * signal, counted story terms, SimHash (hex) and central topics. It is computed on the analysis
 * thread beside the stored form, so the writing thread only weighs the terms by the corpus's
 * frequencies, finds candidate stories and writes; it is a few strings and numbers, cheap to
 * pass between threads.
 */
export interface StoryFeatures {
  signal: ReportSignal;
  /** `headlineLevel` of the headline as shown, which a story titled by it is weighed by. */
  titleLevel: number;
  terms: [string, number][];
  simhash: string;
  topics: string[];
}

export function storyFeatures(
  article: { title: string; body: string; published: string },
  analysis: Analysis,
): StoryFeatures {
  const signal = reportSignal(article, analysis);
  const { headline } = signal;
  return {
    signal,
    titleLevel:
      headline.kind !== 'question' && headline.text === article.title
        ? signal.headlineLevel
        : headlineLevel(headline.text),
    terms: countTerms(storyTerms(article.title, article.body, analysis)),
    // Body only: syndicated copies often carry a rewritten headline over the same text.
    simhash: toHex(simhash(article.body.trim() ? article.body : article.title)),
    topics: topicMentions(article.title, article.body).central,
  };
}
