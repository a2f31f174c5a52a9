import { splitSentences } from '../analysis/sentences.ts';
import { contentWords, isStopword } from '../analysis/terms.ts';
import { normaliseText } from '../corpus/article-id.ts';

/** A sentence as the model wrote it, with the source numbers it cited. */
export interface DraftSentence {
  text: string;
  citations: number[];
}

export type DropReason =
  | 'no-citation'
  | 'unknown-source'
  | 'quote-not-in-source'
  | 'unknown-name'
  | 'unsupported'
  | 'planted-instruction';

export interface Verification {
  kept: DraftSentence[];
  dropped: { text: string; reason: DropReason }[];
}

/**
 * Text that reads as orders to an AI rather than news. Articles are data: such sentences in a
 * source are not evidence for anything, and output that carries them out is dropped.
 */
const INSTRUCTION =
  /\b(ignore|disregard|forget)\b.{0,40}\b(instructions?|prompts?|rules|above)\b|\b(system prompt|you are (now )?an? (ai|assistant|language model)|as an ai\b|new instructions?|assistant:|system:)/i;

/** Sentence openers that are capitalised only because they open the sentence. */
const OPENERS = new Set(
  'meanwhile however separately earlier later also after since while despite amid according ' +
    'both several many most some officials authorities'.split(' '),
);

/** Share of a sentence's content words its cited sources must contain. */
const MIN_SUPPORT = 0.5;
/** Share of a sentence's words found in one planted instruction that marks it as obeying it. */
const ECHO_SHARE = 0.6;

const QUOTED =
  /"([^"]{2,}?)"|“([^”]{2,}?)”|«\s*([^»]{2,}?)\s*»|(?<=^|[\s(])[‘']([^‘’']{2,}?)[’'](?=[\s.,;:!?)]|$)/gu;

/** The quoted strings of a sentence, as written. */
export function quotedStrings(text: string): string[] {
  return [...text.matchAll(QUOTED)]
    .map((match) => (match[1] ?? match[2] ?? match[3] ?? match[4] ?? '').trim())
    .filter((quote) => /\p{L}/u.test(quote));
}

/** Capitalised words that are not a sentence's ordinary first word: names, places, bodies. */
function names(text: string): string[] {
  const found: string[] = [];
  const words = [...text.matchAll(/[\p{L}][\p{L}\p{M}'’-]*/gu)];
  words.forEach((match, index) => {
    const word = match[0];
    if (!/^\p{Lu}/u.test(word)) return;
    const folded = normaliseText(word);
    if (index === 0 && (isStopword(folded) || OPENERS.has(folded))) return;
    found.push(word);
  });
  return found;
}

interface Evidence {
  /** Normalised text with planted instructions removed, padded for whole-word search. */
  text: string;
  words: Set<string>;
}

function evidenceOf(source: string): { evidence: Evidence; planted: string[][] } {
  const kept: string[] = [];
  const planted: string[][] = [];
  for (const sentence of splitSentences(source)) {
    if (INSTRUCTION.test(sentence.text)) planted.push(contentWords(sentence.text));
    else kept.push(sentence.text);
  }
  const text = ` ${normaliseText(kept.join(' '))} `;
  return { evidence: { text, words: new Set(text.split(' ').filter(Boolean)) }, planted };
}

const contains = (evidence: Evidence, phrase: string) =>
  evidence.text.includes(` ${normaliseText(phrase)} `);

/**
 * Checks a model's summary against the sources before anyone sees it. A sentence is dropped
 * when it cites nothing or a source that does not exist; when a quoted string is not found word
 * for word in a source it cites; when it names someone or something no source names; when most
 * of its words are not in its cited sources; or when it repeats an instruction planted in an
 * article. Pure: the same input always gives the same verdict.
 */
export function verifySummary(
  sentences: readonly DraftSentence[],
  sourceTexts: ReadonlyMap<number, string>,
): Verification {
  const sources = new Map([...sourceTexts].map(([n, text]) => [n, evidenceOf(text)]));
  const everything: Evidence = {
    text: [...sources.values()].map((source) => source.evidence.text).join(' '),
    words: new Set([...sources.values()].flatMap((source) => [...source.evidence.words])),
  };
  const planted = [...sources.values()].flatMap((source) => source.planted);
  const result: Verification = { kept: [], dropped: [] };
  const drop = (text: string, reason: DropReason) => result.dropped.push({ text, reason });

  for (const sentence of sentences) {
    const { text, citations } = sentence;
    if (citations.length === 0) {
      drop(text, 'no-citation');
      continue;
    }
    if (citations.some((n) => !sources.has(n))) {
      drop(text, 'unknown-source');
      continue;
    }
    const cited = citations.map((n) => sources.get(n)!.evidence);
    const words = contentWords(text);
    if (
      INSTRUCTION.test(text) ||
      planted.some(
        (instruction) =>
          words.length > 0 &&
          words.filter((word) => instruction.includes(word)).length / words.length >= ECHO_SHARE,
      )
    ) {
      drop(text, 'planted-instruction');
      continue;
    }
    if (quotedStrings(text).some((quote) => !cited.some((source) => contains(source, quote)))) {
      drop(text, 'quote-not-in-source');
      continue;
    }
    if (
      names(text).some((name) =>
        normaliseText(name)
          .split(' ')
          .some((part) => !everything.words.has(part)),
      )
    ) {
      drop(text, 'unknown-name');
      continue;
    }
    const supported = words.filter((word) => cited.some((source) => source.words.has(word)));
    if (words.length > 0 && supported.length / words.length < MIN_SUPPORT) {
      drop(text, 'unsupported');
      continue;
    }
    result.kept.push(sentence);
  }
  return result;
}
