/**
 * How `/who` and the briefings' people read a real corpus:
 * `npm run eval:who -- [PATH...] [--threads N] [--top N]` (default `../shared/dev-data/wh`).
 *
 * Ingests the files into a fresh in-memory database the way `sitrep ingest` reads them (an NDJSON
 * file over the parser's size limit is streamed line by line), then prints:
 * - the people with the most statements (name, roles, statements) and what `/who <surname>`
 *   answers for them;
 * - every person name, briefing actor or quote speaker that breaks the naming rules (a speaker
 *   label, a pronoun or contraction, a document, a place, an organisation or a group, a name
 *   written twice or in capitals) and pairs of people that are one person spelt two ways;
 * - for transcripts, per speaker label, the share of answer turns that became statements, and
 *   how many reporters' questions did (must be 0).
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { ArticleInput } from '../src/corpus/article.ts';
import { readArticleFiles } from '../src/corpus/ingest.ts';
import type { ParseFailure } from '../src/corpus/parse/parse-error.ts';
import { fixedClock } from '../src/core/clock.ts';
import { transcriptTurns } from '../src/corpus/parse/transcript.ts';
import { knownTopics } from '../src/corpus/topics.ts';
import { createPeopleDirectory } from '../src/analysis/people/directory.ts';
import { nameKey, nameWords, sameFullName } from '../src/analysis/people/names.ts';
import {
  DEMONYMS,
  ORG_WORDS,
  isFirstName,
  isLastName,
  isOrganisationName,
  isPlace,
} from '../src/analysis/lexicon.ts';
import { buildBriefing } from '../src/briefing/briefing-view.ts';
import { createApp } from '../src/main.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { threads: { type: 'string', default: '2' }, top: { type: 'string', default: '15' } },
});
const paths = positionals.length > 0 ? positionals : ['../shared/dev-data/wh'];
const FALLBACK_DATE = '2024-01-01T00:00:00.000Z';

for (const path of paths)
  if (!existsSync(path)) {
    console.error(`${path}: not found (the dev data lives in ../shared/dev-data)`);
    process.exit(2);
  }
const failed: ParseFailure[] = [];
const articles: ArticleInput[] = [];
for await (const article of readArticleFiles(paths, failed, { clock: fixedClock(FALLBACK_DATE) }))
  articles.push(article);
for (const failure of failed) console.error(`skipped ${failure.origin}: ${failure.reason}`);
const app = createApp({ db: ':memory:', analysisThreads: Number(values.threads) });
const started = Date.now();
const report = await app.ingester.ingestStream(articles);
console.log(
  `ingested ${report.added.length} articles (${report.duplicates.length} duplicates, ` +
    `${report.failed.length} failed) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
for (const failure of report.failed) console.log(`  failed ${failure.origin}: ${failure.reason}`);

const db = app.store.db;
const directory = createPeopleDirectory(db);

// --- The people with most statements, and what `/who <surname>` gives for them.
const top = db
  .prepare<[number], { id: number; name: string; statements: number; mentions: number }>(
    'SELECT id, name, statements, mentions FROM people ORDER BY statements DESC, mentions DESC LIMIT ?',
  )
  .all(Number(values.top));
console.log('\nPeople with most statements');
for (const person of top) {
  const roles =
    directory
      .card(person.id)
      ?.roles.slice(0, 3)
      .map((role) => role.role) ?? [];
  const surname = person.name.split(/\s+/).at(-1)!.toLowerCase();
  const who = directory.resolve(surname);
  const answer =
    who.status === 'found'
      ? who.person.id === person.id
        ? 'direct'
        : `gives ${who.person.name}`
      : who.status === 'ambiguous'
        ? `choose: ${who.candidates.map((row) => row.name).join(', ')}`
        : 'unknown';
  console.log(
    `  ${String(person.statements).padStart(5)}  ${person.name}  [${roles.join('; ')}]  /who ${surname}: ${answer}`,
  );
}

// --- Names that break the rules.
const PRONOUNS = new Set(
  'i you he she it we they me him her us them my your his its our their this that who'.split(' '),
);
const DOCUMENT_WORDS = new Set(
  'order act bill law resolution agreement accord treaty report statement declaration dialogue initiative plan strategy program programme memorandum proclamation'.split(
    ' ',
  ),
);

/**
 * Why a name is not a person's name, or null. A quote's speaker may be an organisation or a
 * state ("Hamas said", "China said"): `speaker` checks only what no one can be.
 */
function fault(name: string, speaker = false): string | null {
  const words = name.split(/\s+/);
  const keys = words.map((word) => nameKey(word));
  if (/^(?:Q|MR|MS|MRS|DR|THE)\b\.?/.test(name) || /^Q\s/.test(name)) return 'speaker label';
  if (/\p{Lu}{2}/u.test(name) && !/\p{Ll}/u.test(name) && name.length > 3) return 'in capitals';
  if (
    words.some(
      (word) =>
        /['’](?:ll|re|ve|d|m|s)$/i.test(word) && PRONOUNS.has(nameKey(word.replace(/['’].*$/, ''))),
    )
  )
    return 'contraction';
  if (words.some((word) => PRONOUNS.has(nameKey(word)) && /\p{Ll}/u.test(word))) return 'pronoun';
  if (
    !isFirstName(keys[0]!) &&
    keys.some((key, index) => DOCUMENT_WORDS.has(key) && (index > 0 || keys.length === 1))
  )
    return 'document';
  const parts = name.split('-').map((part) => nameKey(part));
  if (words.length === 1 && parts.length > 1 && parts.every((part) => surnames.has(part)))
    return 'two people';
  const whole = nameKey(name);
  if (speaker) return null;
  if (isPlace(whole) || (words.length > 1 && isPlace(keys.at(-1)!) && keys.at(-2) === 'of'))
    return 'place';
  if (isOrganisationName(whole) || keys.some((key) => ORG_WORDS.has(key))) return 'organisation';
  if (
    words.length === 1 &&
    !isLastName(whole) &&
    (DEMONYMS.has(whole.replace(/s$/, '')) || /(?:ers|ants|ents|ists)$/.test(whole))
  )
    return 'group';
  const half = keys.length / 2;
  if (
    Number.isInteger(half) &&
    half >= 1 &&
    keys.slice(0, half).join(' ') === keys.slice(half).join(' ')
  )
    return 'written twice';
  return null;
}

const surnames = new Set(
  db
    .prepare<[], { surname: string }>('SELECT surname FROM people WHERE words > 1')
    .all()
    .map((row) => row.surname),
);
const people = db
  .prepare<
    [],
    {
      id: number;
      name: string;
      key: string;
      surname: string;
      words: number;
      statements: number;
      mentions: number;
    }
  >(
    'SELECT id, name, key, surname, words, statements, mentions FROM people ORDER BY statements DESC, mentions DESC',
  )
  .all();
const faults = people.flatMap((person) => {
  const why = fault(person.name);
  return why ? [{ ...person, why }] : [];
});
console.log(`\nPerson names that break the rules: ${faults.length} of ${people.length}`);
for (const person of faults.slice(0, 25))
  console.log(
    `  ${person.why.padEnd(14)} ${person.name} (${person.statements} statements, ${person.mentions} mentions)`,
  );

const bySurname = new Map<string, typeof people>();
for (const person of people) {
  if (person.words < 2) continue;
  bySurname.set(person.surname, [...(bySurname.get(person.surname) ?? []), person]);
}
const twins: string[] = [];
for (const group of bySurname.values())
  for (let i = 0; i < group.length; i++)
    for (let j = i + 1; j < group.length; j++) {
      const [a, b] = [group[i]!, group[j]!];
      if (sameFullName(nameWords(a.name), nameWords(b.name))) twins.push(`${a.name} / ${b.name}`);
    }
const orphanSurnames = people.filter(
  (person) =>
    person.words === 1 && (bySurname.get(person.key)?.length ?? 0) === 1 && person.statements > 0,
);
console.log(`\nOne person under two names: ${twins.length + orphanSurnames.length}`);
for (const pair of twins.slice(0, 20)) console.log(`  ${pair}`);
for (const person of orphanSurnames.slice(0, 10))
  console.log(`  ${person.name} / ${bySurname.get(person.key)![0]!.name}`);

// --- Briefing actors and quote speakers, over every known topic at each month's end.
const months = db
  .prepare<[], { month: string }>(
    'SELECT DISTINCT substr(published, 1, 7) AS month FROM articles ORDER BY month',
  )
  .all()
  .map((row) => row.month);
const badActors = new Map<string, string>();
let briefings = 0;
for (const month of months) {
  const [year, number] = month.split('-').map(Number);
  const now = new Date(Date.UTC(year!, number!, 1));
  for (const topic of knownTopics()) {
    let view;
    try {
      view = buildBriefing(app.store, topic.key, now, 31).view;
    } catch {
      continue;
    }
    if (view.sources.length === 0) continue;
    briefings++;
    for (const actor of view.actors) {
      const why = fault(actor.name);
      if (why) badActors.set(actor.name, `${why} (actor)`);
    }
    for (const quote of view.quotes) {
      const why = fault(quote.speaker, true);
      if (why) badActors.set(quote.speaker, `${why} (speaker)`);
    }
  }
}
console.log(
  `\nBriefing actors and quote speakers that break the rules (${briefings} briefings): ${badActors.size}`,
);
for (const [name, why] of [...badActors].slice(0, 20)) console.log(`  ${why.padEnd(14)} ${name}`);

// --- Transcripts: which turns became statements.
const statementStarts = db.prepare<[string], { start: number; name: string }>(
  'SELECT s.start, p.name FROM statements s JOIN people p ON p.id = s.person_id WHERE s.article_id = ?',
);
const labels = new Map<string, { turns: number; stated: number; names: Map<string, number> }>();
let questionTurns = 0;
let questionsStated = 0;
let transcripts = 0;
for (const added of report.added) {
  const article = app.store.getArticle(added.id);
  if (!article) continue;
  const transcript = transcriptTurns(article.body);
  if (!transcript) continue;
  transcripts++;
  const starts = statementStarts.all(article.id);
  for (const turn of transcript.turns) {
    const end = turn.paragraphs.at(-1)?.end ?? turn.marker.end;
    const inside = starts.filter((row) => row.start >= turn.marker.end && row.start < end);
    if (turn.label.question) {
      questionTurns++;
      if (inside.length > 0) questionsStated++;
      continue;
    }
    const key = turn.label.text.toUpperCase();
    const tally = labels.get(key) ?? { turns: 0, stated: 0, names: new Map() };
    tally.turns++;
    if (inside.length > 0) tally.stated++;
    for (const row of inside) tally.names.set(row.name, (tally.names.get(row.name) ?? 0) + 1);
    labels.set(key, tally);
  }
}
console.log(`\nTranscripts: ${transcripts}; answer turns that became statements, per label`);
for (const [label, tally] of [...labels].sort((a, b) => b[1].turns - a[1].turns).slice(0, 15)) {
  const names = [...tally.names].sort((a, b) => b[1] - a[1]).map(([name]) => name);
  const share = ((100 * tally.stated) / tally.turns).toFixed(0);
  console.log(
    `  ${label.padEnd(34)} ${String(tally.stated).padStart(5)} of ${String(tally.turns).padStart(5)} (${share}%)  → ${names.slice(0, 2).join(', ') || 'no one'}`,
  );
}
console.log(
  `Question turns: ${questionTurns}; that became statements: ${questionsStated} (must be 0)`,
);
app.close();
