/**
 * Event-coding quality: `npm run eval:events [-- PLOVER_GSR_CAMEO.txt] [--errors]`.
 *
 * 1. Binary violent-event precision, recall and F1 (see `violent-events.ts`) on the
 *    repository's own ACLED-style sentences: `scripts/data/violent-events-dev.tsv`, the set the
 *    rules were tuned on; `violent-events-check.tsv`, written with it and set aside, whose
 *    mistakes were then read once; `violent-events-fresh.tsv`, written later and never used for
 *    tuning (its mistakes are not to be read, or it stops measuring anything). Also CASE 2021's
 *    five sample snippets when `../shared/dev-data/case2021` is there.
 * 2. PLOVER gold-standard records (default `../shared/dev-data/plover/PLOVER_GSR_CAMEO.txt`):
 *
 * Each distinct sentence is one multi-label item: its gold categories are those of all records
 * with that text (old 0.5b1 names mapped to current PLOVER), its predicted categories those of
 * the detected events as a PLOVER coder would name them (`ploverCoding`). Prints per-category
 * precision and recall, macro F1 over the categories present in the gold records, and binary
 * material conflict (PROTEST, CRIME, MOBILIZE, COERCE, ASSAULT) P/R/F1, where only actual
 * events that are the main event of their sentence count as predicted conflict (PLOVER codes a
 * sentence's main event; a second line also counts background mentions). `--errors` lists the binary mistakes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { detectEvents } from '../src/analysis/events/detect.ts';
import { ploverCoding } from '../src/analysis/events/plover-coding.ts';
import { MATERIAL_CONFLICT } from '../src/analysis/events/scores.ts';
import { splitSentences } from '../src/analysis/sentences.ts';
import { readLabelled, scoreViolent } from './violent-events.ts';

const OLD_NAMES: Record<string, string> = {
  FIGHT: 'ASSAULT',
  DEMAND: 'REQUEST',
  DISAPPROVE: 'ACCUSE',
  INVESTIGATE: 'ACCUSE',
};

interface GoldRecord {
  event?: string;
  text?: string;
}

const args = process.argv.slice(2);
const showErrors = args.includes('--errors');
const fmt = (value: number) => value.toFixed(3);

const own = (name: string) => fileURLToPath(new URL(`./data/${name}`, import.meta.url));
/** Name, file, and whether `--errors` may list its mistakes (never for a set kept for measuring). */
const violentSets: [string, string, boolean][] = [
  ['own sentences, dev (tuned on)', own('violent-events-dev.tsv'), true],
  ['own sentences, check (seen once)', own('violent-events-check.tsv'), true],
  ['own sentences, fresh (never tuned on)', own('violent-events-fresh.tsv'), false],
  ['CASE 2021 samples', '../shared/dev-data/case2021/sample_labelled.tsv', true],
];
console.log('Binary violent events (gold reading, predictor): P R F1 (tp fp fn tn)');
for (const [name, file, listErrors] of violentSets) {
  if (!existsSync(file)) {
    console.log(`\n${name}: ${file} is absent, skipped`);
    continue;
  }
  const rows = readLabelled(file);
  const { scores, errors } = scoreViolent(rows);
  console.log(`\n${name}: ${rows.length} texts`);
  for (const s of scores)
    console.log(
      `  ${s.name.padEnd(34)} P ${fmt(s.precision)}  R ${fmt(s.recall)}  F1 ${fmt(s.f1)}  (${s.tp} ${s.fp} ${s.fn} ${s.tn})`,
    );
  if (showErrors && listErrors && errors.length > 0) console.log(`  ${errors.join('\n  ')}`);
}

const path =
  args.find((arg) => !arg.startsWith('--')) ?? '../shared/dev-data/plover/PLOVER_GSR_CAMEO.txt';
if (!existsSync(path)) {
  console.log(`\nPLOVER records: ${path} is absent, skipped`);
  process.exit(0);
}
console.log(`\nPLOVER records from ${path}`);
let records: GoldRecord[];
try {
  records = JSON.parse(readFileSync(path, 'utf8')) as GoldRecord[];
} catch (error) {
  console.error(`cannot read PLOVER records from ${path}: ${(error as Error).message}`);
  process.exit(2);
}
if (!Array.isArray(records)) {
  console.error(`${path}: expected a JSON array of PLOVER records`);
  process.exit(2);
}

const gold = new Map<string, Set<string>>();
for (const record of records) {
  if (!record.event || record.event === 'DOCUMENT' || !record.text) continue;
  const text = record.text.trim();
  const set = gold.get(text) ?? new Set<string>();
  set.add(OLD_NAMES[record.event] ?? record.event);
  gold.set(text, set);
}

const counts = new Map<string, { tp: number; fp: number; fn: number }>();
const count = (category: string) => {
  const entry = counts.get(category) ?? { tp: 0, fp: 0, fn: 0 };
  counts.set(category, entry);
  return entry;
};
const binary = { tp: 0, fp: 0, fn: 0, tn: 0 };
const anyEvent = { tp: 0, fp: 0, fn: 0, tn: 0 };
const errors: string[] = [];

for (const [text, expected] of gold) {
  const events = detectEvents(text, splitSentences(text));
  const predicted = new Set(
    events
      .filter((event) => !event.background)
      .map(ploverCoding)
      .filter((c): c is string => c !== null),
  );
  for (const category of new Set([...expected, ...predicted])) {
    const entry = count(category);
    if (expected.has(category) && predicted.has(category)) entry.tp++;
    else if (predicted.has(category)) entry.fp++;
    else entry.fn++;
  }
  const isConflict = [...expected].some((category) => MATERIAL_CONFLICT.has(category));
  const conflict = events.filter(
    (event) => event.realis === 'actual' && MATERIAL_CONFLICT.has(event.category),
  );
  const saysConflict = conflict.some((event) => !event.background);
  const any = conflict.length > 0;
  if (isConflict && any) anyEvent.tp++;
  else if (any) anyEvent.fp++;
  else if (isConflict) anyEvent.fn++;
  else anyEvent.tn++;
  if (isConflict && saysConflict) binary.tp++;
  else if (saysConflict) binary.fp++;
  else if (isConflict) binary.fn++;
  else binary.tn++;
  if (isConflict !== saysConflict)
    errors.push(
      `${saysConflict ? 'FP' : 'FN'} gold=${[...expected].join(',')} got=${events
        .map((e) => `${e.category}:${e.realis}[${e.triggers.map((t) => t.text).join('/')}]`)
        .join(' ')} | ${text}`,
    );
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);
const f1 = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

const goldCategories = new Set([...gold.values()].flatMap((set) => [...set]));
console.log(`PLOVER records: ${gold.size} distinct sentences\n`);
console.log('category      gold  pred    P      R      F1');
let macro = 0;
for (const category of [...counts.keys()].sort()) {
  const { tp, fp, fn } = counts.get(category)!;
  const p = ratio(tp, tp + fp);
  const r = ratio(tp, tp + fn);
  if (goldCategories.has(category)) macro += f1(p, r);
  console.log(
    `${category.padEnd(12)} ${String(tp + fn).padStart(5)} ${String(tp + fp).padStart(5)}  ${fmt(p)}  ${fmt(r)}  ${fmt(f1(p, r))}${goldCategories.has(category) ? '' : '  (not in gold)'}`,
  );
}
console.log(
  `\nmacro F1 over ${goldCategories.size} gold categories: ${fmt(macro / goldCategories.size)}`,
);
const bp = ratio(binary.tp, binary.tp + binary.fp);
const br = ratio(binary.tp, binary.tp + binary.fn);
console.log(
  `binary material conflict: P ${fmt(bp)}  R ${fmt(br)}  F1 ${fmt(f1(bp, br))}  (tp ${binary.tp}, fp ${binary.fp}, fn ${binary.fn}, tn ${binary.tn})`,
);
const ap = ratio(anyEvent.tp, anyEvent.tp + anyEvent.fp);
const ar = ratio(anyEvent.tp, anyEvent.tp + anyEvent.fn);
console.log(
  `  counting background mentions too: P ${fmt(ap)}  R ${fmt(ar)}  F1 ${fmt(f1(ap, ar))}`,
);
if (showErrors) console.log(`\n${errors.join('\n')}`);
