/**
 * Binary violent-event scoring of short event descriptions labelled with ACLED sub-event types
 * (the CASE 2021 task 2 label names): is the text a report of political violence or not?
 *
 * Gold "violent" is ACLED's battles, explosions/remote violence and violence against civilians;
 * `withRiots` adds mob violence, violent demonstrations and excessive force against protesters.
 * A text is predicted violent when it has an actual ASSAULT event (`anyAssault`), an actual
 * ASSAULT that is the main event of its sentence (`mainAssault`), or an article severity of 4 or
 * more (`severity`): three readings of "violent", so a change that helps one and hurts another
 * shows.
 */
import { readFileSync } from 'node:fs';
import type { EventMention } from '../src/analysis/analysis.ts';
import { detectEvents } from '../src/analysis/events/detect.ts';
import { splitSentences } from '../src/analysis/sentences.ts';
import { severityOf } from '../src/analysis/severity.ts';

export interface LabelledText {
  label: string;
  text: string;
}

/** ACLED battles, explosions/remote violence and violence against civilians. */
const POLITICAL_VIOLENCE = new Set([
  'ARMED_CLASH',
  'GOV_REGAINS_TERIT',
  'NON_STATE_ACTOR_OVERTAKES_TER',
  'AIR_STRIKE',
  'ART_MISS_ATTACK',
  'REM_EXPLOS',
  'GRENADE',
  'SUIC_BOMB',
  'CHEM_WEAP',
  'ATTACK',
  'ABDUCT_DISSAP',
  'SEX_VIOL',
]);
const RIOTS = new Set(['MOB_VIOL', 'VIOL_DEMONSTR', 'FORCE_AGAINST_PROTEST']);

/**
 * Rows of a TSV with a header naming a label column (`label` or `SubType`) and a text column
 * (`text` or `EventSnippet`), as in the repository's own sets and CASE 2021's sample file.
 */
export function readLabelled(path: string): LabelledText[] {
  const lines = readFileSync(path, 'utf8').split(/\r?\n/).filter(Boolean);
  const header = (lines[0] ?? '').split('\t');
  const labelAt = header.findIndex((name) => /^(label|subtype)$/i.test(name));
  const textAt = header.findIndex((name) => /^(text|eventsnippet)$/i.test(name));
  if (labelAt < 0 || textAt < 0) throw new Error(`${path}: no label and text columns`);
  return lines.slice(1).map((line) => {
    const cells = line.split('\t');
    return { label: cells[labelAt] ?? '', text: cells[textAt] ?? '' };
  });
}

const PREDICTORS: Record<string, (events: EventMention[]) => boolean> = {
  anyAssault: (events) =>
    events.some((event) => event.category === 'ASSAULT' && event.realis === 'actual'),
  mainAssault: (events) =>
    events.some(
      (event) => event.category === 'ASSAULT' && event.realis === 'actual' && !event.background,
    ),
  severity: (events) => severityOf(events).level >= 4,
};

export interface BinaryScore {
  name: string;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  precision: number;
  recall: number;
  f1: number;
}

function score(name: string, pairs: readonly [boolean, boolean][]): BinaryScore {
  const tally = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (const [gold, predicted] of pairs)
    tally[gold ? (predicted ? 'tp' : 'fn') : predicted ? 'fp' : 'tn']++;
  const precision = tally.tp / Math.max(1, tally.tp + tally.fp);
  const recall = tally.tp / Math.max(1, tally.tp + tally.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { name, ...tally, precision, recall, f1 };
}

/** Scores for each gold reading and predictor, plus the mistakes of the main pairing. */
export function scoreViolent(rows: readonly LabelledText[]): {
  scores: BinaryScore[];
  errors: string[];
} {
  const coded = rows.map((row) => ({
    row,
    events: detectEvents(row.text, splitSentences(row.text)),
  }));
  const scores: BinaryScore[] = [];
  for (const [goldName, violent] of [
    ['political violence', (label: string) => POLITICAL_VIOLENCE.has(label)],
    ['with riots', (label: string) => POLITICAL_VIOLENCE.has(label) || RIOTS.has(label)],
  ] as const)
    for (const [name, predict] of Object.entries(PREDICTORS))
      scores.push(
        score(
          `${goldName}, ${name}`,
          coded.map(({ row, events }) => [violent(row.label), predict(events)]),
        ),
      );
  const errors = coded
    .filter(
      ({ row, events }) => POLITICAL_VIOLENCE.has(row.label) !== PREDICTORS.mainAssault!(events),
    )
    .map(
      ({ row, events }) =>
        `${POLITICAL_VIOLENCE.has(row.label) ? 'FN' : 'FP'} ${row.label} got=${events
          .map(
            (e) =>
              `${e.category}:${e.realis}${e.background ? ':bg' : ''}[${e.triggers.map((t) => t.text).join('/')}]`,
          )
          .join(' ')} | ${row.text}`,
    );
  return { scores, errors };
}
