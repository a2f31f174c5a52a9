import type { Realis } from '../analysis.ts';
import {
  compileScanner,
  scan,
  scannerSet,
  wordCount,
  type Match,
  type WordStarts,
} from './pattern.ts';
import data from './realis.json' with { type: 'json' };

interface CueFile {
  cues: { realis: Realis; before: number; after: number; patterns: string[]; notFor?: string[] }[];
}

const CUES = (data as unknown as CueFile).cues.map((cue, rank) => ({
  ...cue,
  rank,
  notFor: new Set(cue.notFor ?? []),
  scanners: cue.patterns.map(compileScanner),
}));

export interface RealisCue extends Match {
  realis: Realis;
  rank: number;
  before: number;
  after: number;
  notFor: ReadonlySet<string>;
}

/** Every cue's scanners in one list, file order, each with its cue. */
const cueScannersIn = scannerSet(
  CUES.flatMap((cue) => cue.scanners.map((scanner) => ({ ...scanner, cue }))),
);

/** "9 May 2019", "May 9": the month, not the modal. */
const isMonth = (folded: string, match: Match) =>
  match.text.toLowerCase() === 'may' &&
  (/\d\s*$/.test(folded.slice(0, match.start)) || /^\s*\d/.test(folded.slice(match.end)));

/** "is confirmed to have been killed": an infinitive of the past is no future. */
const pastInfinitive = (folded: string, match: Match) =>
  /^\s+have\b/.test(folded.slice(match.end, match.end + 8));

/**
 * Every realis cue in a sentence (given folded and as written, with the folded sentence's word
 * starts when the caller has them), offsets relative to it.
 */
export function findCues(folded: string, sentence: string, words?: WordStarts): RealisCue[] {
  const found: RealisCue[] = [];
  for (const scanner of cueScannersIn(folded, words)) {
    const cue = scanner.cue;
    for (const match of scan(scanner, folded, sentence, words))
      if (!isMonth(folded, match) && !(cue.realis === 'future' && pastInfinitive(folded, match)))
        found.push({
          start: match.start,
          end: match.end,
          text: match.text,
          realis: cue.realis,
          rank: cue.rank,
          before: cue.before,
          after: cue.after,
          notFor: cue.notFor,
        });
  }
  return found;
}

/**
 * A clause of its own starts between a cue and a later trigger: "Fears for patients as Israel
 * hospital raid continues", "risk of war after Israel struck Damascus". "as many as" and "as
 * well as" count and join; they open no clause, nor does "amid", which opens a noun phrase
 * ("vows support amid Iran attack fears").
 */
const CLAUSE_BETWEEN =
  /(?:^|[\s,])(?:as(?!\s+(?:many|much|well|if|though|long|soon|a\s+result)\b)|while|after|because|but)\s|;/i;

/**
 * Whether an event is reported as fact: the highest-ranked cue (denied before negated before
 * threatened before hypothetical before future) within its window of the trigger decides; with
 * no cue the event is actual. A cue before the trigger does not reach across the start of
 * another clause (`CLAUSE_BETWEEN`). Offsets are relative to the sentence.
 */
export function realisOf(
  sentence: string,
  cues: readonly RealisCue[],
  trigger: { start: number; end: number },
  category: string,
): { realis: Realis; cue: string | null } {
  let best: RealisCue | null = null;
  for (const cue of cues) {
    if (cue.notFor.has(category)) continue;
    if (cue.end <= trigger.start) {
      const between = sentence.slice(cue.end, trigger.start);
      if (wordCount(between) > cue.before || CLAUSE_BETWEEN.test(between)) continue;
    } else if (cue.start >= trigger.end) {
      if (cue.after === 0 || wordCount(sentence.slice(trigger.end, cue.start)) > cue.after)
        continue;
    } else continue;
    if (!best || cue.rank < best.rank) best = cue;
  }
  return best ? { realis: best.realis, cue: best.text } : { realis: 'actual', cue: null };
}
