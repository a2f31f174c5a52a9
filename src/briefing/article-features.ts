import { withoutDateline } from '../analysis/events/places.ts';
import { splitSentences } from '../analysis/sentences.ts';
import { severityOf } from '../analysis/severity.ts';
import { isQuestion } from '../analysis/summarize.ts';
import { contentWords, termCounts, termVector, type TermVector } from '../analysis/terms.ts';
import { normaliseText } from '../corpus/article-id.ts';
import { transcriptTurns } from '../corpus/parse/transcript.ts';
import type { WindowArticle } from './window-articles.ts';

/** A sentence a briefing may quote in its summary, with its words ready for ranking. */
export interface CandidateSentence {
  text: string;
  /** 0 for the lead, then the stored summary's order. */
  position: number;
  /** The paragraph of the body it stands in (the sentence itself when not found). */
  paragraph: string;
  /**
   * The text around it that says what it is about: its paragraph, or in a body written as one
   * paragraph (NPR's) the few hundred characters either side.
   */
  context: string;
  words: string[];
  vector: TermVector;
}

/** What briefings derive from one article: computed once per article, then reused. */
export interface ArticleFeatures {
  normalisedTitle: string;
  /** Word trigrams of the lead, to recognise syndicated copies. */
  leadShingles: Set<string>;
  candidates: CandidateSentence[];
  /** The severity (0-5) of what the article reports, so graver news leads a summary. */
  level: number;
}

/** How many opening words of a body identify a wire story. */
const LEAD_WORDS = 80;
/** Only the opening of a body is split: the lead sentence and, lacking a summary, two more. */
const LEAD_CHARS = 1500;
/**
 * A sentence that opens with a pronoun ("He met Zelenskyy today", "You saw the readout"), also
 * after a speaker's "Look," or "So," ("Look, I just wanted to reiterate some things that we've
 * been saying", which had been `/briefing israel`'s whole summary on `wh`), or speaks to its
 * audience means nothing out of its article: a briefing cannot quote it. Nor does a question
 * (`isQuestion`), which reports nothing.
 */
const NEEDS_CONTEXT =
  /^["“'‘]?(?:(?:look|well|so|okay|ok|now|yeah|yes|again|and|but|listen)\b[,—–-]?\s+)*(?:he|she|they|it|we|you|i|this|these|those)\b/i;
const ADDRESSES_READER = /\byou\b/i;
/** Sentences with fewer content words say too little to summarise anything. */
const MIN_CONTENT_WORDS = 4;
/** Articles whose features are kept; stored articles never change, so entries never go stale. */
const MEMO_LIMIT = 20_000;

const memo = new Map<string, ArticleFeatures>();

function compute({ article, analysis }: WindowArticle): ArticleFeatures {
  const opening = article.body.slice(0, LEAD_CHARS);
  const words = contentWords(opening).slice(0, LEAD_WORDS);
  const leadShingles = new Set<string>();
  for (let i = 0; i + 2 < words.length; i++)
    leadShingles.add(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);

  // A transcript opens with its room, time and greetings: its stored summary is its lead.
  const lead = transcriptTurns(article.body) ? [] : splitSentences(opening);
  const stored = analysis?.summary.length ? analysis.summary : lead.slice(0, 3).map((s) => s.text);
  const texts = [...new Set([lead[0]?.text, ...stored])].filter((text): text is string =>
    Boolean(text),
  );
  const paragraphs = article.body.split(/\n\s*\n/);
  const candidates: CandidateSentence[] = [];
  texts.forEach((written, position) => {
    // A dateline says where the report was filed; a summary sentence reads without it.
    const text = withoutDateline(written);
    if (NEEDS_CONTEXT.test(text) || ADDRESSES_READER.test(text) || isQuestion(text)) return;
    const sentenceWords = contentWords(text);
    if (sentenceWords.length < MIN_CONTENT_WORDS) return;
    candidates.push({
      text,
      position,
      paragraph: paragraphs.find((paragraph) => paragraph.includes(written)) ?? text,
      context: contextOf(paragraphs, written) ?? text,
      words: sentenceWords,
      vector: termVector(termCounts(sentenceWords)),
    });
  });
  return {
    normalisedTitle: normaliseText(article.title),
    leadShingles,
    candidates,
    level: analysis ? severityOf(analysis.events).level : 0,
  };
}

/** A paragraph longer than this is a body without breaks (NPR's): its context is nearer. */
const MAX_PARAGRAPH_CHARS = 1_200;
/** How far either side of a sentence its context reaches in such a body. */
const CONTEXT_CHARS = 300;

/**
 * The paragraph a sentence stands in, or in a body written as one paragraph the text around
 * it: an NPR report that names Jordan once near its end does not make its opening ("In 1996,
 * Israel faced a critical election") a sentence about Jordan.
 */
function contextOf(paragraphs: readonly string[], sentence: string): string | undefined {
  const paragraph = paragraphs.find((candidate) => candidate.includes(sentence));
  if (paragraph === undefined || paragraph.length <= MAX_PARAGRAPH_CHARS) return paragraph;
  const at = paragraph.indexOf(sentence);
  return paragraph.slice(Math.max(0, at - CONTEXT_CHARS), at + sentence.length + CONTEXT_CHARS);
}

/**
 * The briefing features of a stored article (lead shingles, candidate summary sentences),
 * computed on first use and kept for the next briefing, which typically reads the same recent
 * articles again. Articles are immutable once stored, so the memo never needs invalidating.
 */
export function featuresOf(item: WindowArticle): ArticleFeatures {
  const known = memo.get(item.article.id);
  if (known) return known;
  const features = compute(item);
  memo.set(item.article.id, features);
  if (memo.size > MEMO_LIMIT) memo.delete(memo.keys().next().value!);
  return features;
}
