import data from './lexicon.json' with { type: 'json' };
import {
  compileAny,
  compileAnyScanner,
  compileScanner,
  matchesAnywhere,
  type Scanner,
  type WordStarts,
} from './pattern.ts';
import { PLOVER_CATEGORIES } from './scores.ts';

/** An event trigger, compiled from one pattern of `lexicon.json`. */
export interface Trigger extends Scanner {
  pattern: string;
  /** Position of its group in the file: earlier groups win ties. */
  order: number;
  category: string;
  mode: string | null;
  /** A different coding when the sentence has the context words (barricades by protesters). */
  when: { context: Scanner; unless: Scanner | null; category: string; mode: string | null } | null;
}

interface TriggerGroup {
  category: string;
  mode: string | null;
  patterns: string[];
  when?: { context: string[]; unless?: string[]; category: string; mode: string | null };
}

interface LexiconFile {
  ignore: string[];
  triggers: TriggerGroup[];
  modeCues: Record<string, { mode: string; patterns: string[] }[]>;
  threatModes: { byCategory: Record<string, string>; byMode: Record<string, string> };
  accidents: { cues: string[]; unless: string[] };
  background: {
    groups: { before: number; resettable: boolean; patterns: string[]; notAfter?: string[] }[];
  };
}

const file = data as unknown as LexiconFile;

function checkCategory(category: string): string {
  if (!PLOVER_CATEGORIES.includes(category))
    throw new Error(`lexicon.json: unknown PLOVER category ${category}`);
  return category;
}

export const TRIGGERS: readonly Trigger[] = file.triggers.flatMap((group, order) => {
  const when = group.when
    ? {
        context: compileAnyScanner(group.when.context),
        unless: group.when.unless ? compileAnyScanner(group.when.unless) : null,
        category: checkCategory(group.when.category),
        mode: group.when.mode,
      }
    : null;
  return group.patterns.map((pattern) => ({
    ...compileScanner(pattern),
    pattern,
    order,
    category: checkCategory(group.category),
    mode: group.mode,
    when,
  }));
});

/** Phrases that look like triggers but are not events ("riot police", "peace talks"). */
export const IGNORED: readonly Scanner[] = file.ignore.map(compileScanner);

/**
 * Whether a folded sentence tells of an accident or a disaster (a flood, a gas blast, a bus
 * crash) and not of an attack: its dead and explosions are not violence.
 */
const ACCIDENT = compileAnyScanner(file.accidents.cues);
const WEAPONS = compileAnyScanner(file.accidents.unless);
export const isAccident = (sentence: string, words?: WordStarts): boolean =>
  matchesAnywhere(ACCIDENT, sentence, words) && !namesArms(sentence, words);

/** Whether a folded sentence names a weapon or an armed force ("strike", "troops", "gunmen"). */
export const namesArms = (sentence: string, words?: WordStarts): boolean =>
  matchesAnywhere(WEAPONS, sentence, words);

/** Words in a sentence that tell an event's mode when its trigger does not ("attack" + "drone"). */
export const MODE_CUES: ReadonlyMap<string, readonly { mode: string; scanner: Scanner }[]> =
  new Map(
    Object.entries(file.modeCues).map(([category, cues]) => [
      checkCategory(category),
      cues.map((cue) => ({ mode: cue.mode, scanner: compileAnyScanner(cue.patterns) })),
    ]),
  );

/** The THREATEN mode for a threatened event of this category and mode, if any. */
export function threatMode(category: string, mode: string | null): string | null {
  return (
    (mode ? file.threatModes.byMode[`${category}:${mode}`] : undefined) ??
    file.threatModes.byCategory[category] ??
    null
  );
}

/**
 * Words that subordinate a mention to the sentence's main event: `resettable` ones tell when,
 * why or to what end ("after days of fighting"), the others make it what someone wants stopped,
 * blames or refuses. `notAfter` keeps a word from counting after these ("attempted to").
 */
export const BACKGROUND = file.background.groups.flatMap((group) => {
  const notAfter = group.notAfter
    ? new RegExp(`(?:${compileAny(group.notAfter).source})\\s+$`, 'u')
    : null;
  return group.patterns.map((pattern) => ({
    ...compileScanner(pattern),
    before: group.before,
    resettable: group.resettable,
    notAfter,
  }));
});
