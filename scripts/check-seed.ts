/**
 * Checks sitrep against the project's original seed article, which lives outside the repository
 * (the tests use a retold copy under `test/fixtures/seed-article/`, so a clone needs nothing else):
 *
 *   npm run check:seed                 # reads ../shared/seed (or $SITREP_SHARED/seed)
 *   npm run check:seed -- DIR          # a folder holding kosovo-kfor-2023-09-30.txt
 *
 * Prints one line per check. When the folder or the article is absent it says so and exits 0:
 * the check is optional. It exits 1 only when a check fails.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BriefingView } from '../src/briefing/briefing-view.ts';
import type { WhoView } from '../src/briefing/who-view.ts';
import { analyzeArticle } from '../src/analysis/analyze.ts';
import { parseTextArticle } from '../src/corpus/parse/text.ts';
import { fixedClock } from '../src/core/clock.ts';
import { createApp } from '../src/main.ts';
import { answerLine } from '../src/platforms/console/repl.ts';

const SEED_NAME = 'kosovo-kfor-2023-09-30.txt';
const repoRoot = resolve(fileURLToPath(import.meta.url), '../..');
const sharedDir = process.env['SITREP_SHARED'] ?? resolve(repoRoot, '../shared');
const seedDir = resolve(process.argv[2] ?? join(sharedDir, 'seed'));
const seedFile = join(seedDir, SEED_NAME);

if (!existsSync(seedFile)) {
  console.log(
    `check:seed: no seed article at ${seedFile}; nothing checked (pass the folder that holds ${SEED_NAME}).`,
  );
  process.exit(0);
}

let failures = 0;
function check(name: string, ok: boolean, detail = ''): void {
  if (!ok) failures++;
  console.log(`${ok ? 'ok  ' : 'FAIL'}  ${name}${!ok && detail ? `: ${detail}` : ''}`);
}

const text = readFileSync(seedFile, 'utf8');
const article = parseTextArticle(text, seedFile, '2020-01-01T00:00:00.000Z');
check(
  'title',
  article.title ===
    'NATO will send additional forces to Kosovo amid the escalation of the conflict with Serbia',
  article.title,
);
check('outlet', article.outlet === 'time news', article.outlet);
check('timestamp', article.published === '2023-09-30T10:14:00.000Z', article.published);
check('tags', article.tags.includes('Kosovo') && article.tags.includes('NATO'), `${article.tags}`);
check(
  'body starts and ends where the article does',
  article.body.startsWith('The NATO Council authorized') &&
    article.body.endsWith('oppose Kosovo’s central government.'),
);
check('site boilerplate dropped', !/You may also like|Leave a Comment|#NATO/.test(article.body));

const analysis = analyzeArticle(article);
const kirbyQuote = analysis.quotes.find((quote) => quote.speaker === 'John Kirby');
check('analysis: Kirby quoted with "noted"', kirbyQuote?.cue?.text === 'noted');
check(
  'analysis: quote offsets point into the body',
  analysis.quotes.every(
    (quote) => article.body.slice(quote.content.start, quote.content.end) === quote.content.text,
  ),
);
check(
  'analysis: Albin Kurti is a person',
  analysis.entities.some(
    (entity) => entity.canonical === 'Albin Kurti' && entity.type === 'PERSON',
  ),
);

const app = createApp({ db: ':memory:', clock: fixedClock('2023-11-01T00:00:00.000Z') });
try {
  await app.ingester.ingestPaths([seedFile]);
  const ask = (line: string) => answerLine(line, app.dispatch, app.services.commands);
  const said = async (name: string) =>
    ((await ask(`/who ${name}`)).data as WhoView).statements
      .map((statement) => `${statement.cue ?? ''} ${statement.text}`)
      .join('\n');

  const who = (await ask('/who kirby')).data as WhoView;
  check('/who kirby: John Kirby', who.person?.name === 'John Kirby', who.person?.name);
  check(
    '/who kirby: his role',
    who.person?.roles.includes('US National Security Council official') ?? false,
    `${who.person?.roles}`,
  );
  const deployment = who.statements.find((statement) =>
    statement.text.includes(
      'unprecedented deployment of advanced artillery, tanks and mechanized infantry units',
    ),
  );
  check(
    '/who kirby: the deployment statement, mixed, cue "noted", from time news',
    deployment?.kind === 'mixed' &&
      deployment.cue === 'noted' &&
      deployment.article.outlet === 'time news',
  );
  check(
    '/who blinken: the call for de-escalation',
    (await said('blinken')).includes(
      'stated the need for “immediate de-escalation and a return to dialogue.”',
    ),
  );
  const stoltenberg = await said('stoltenberg');
  check(
    '/who stoltenberg: both quoted fragments',
    stoltenberg.includes('“the only way to resolve unresolved issues”') &&
      stoltenberg.includes('“the key to lasting security in Kosovo and stability in the region.”'),
  );
  const [sullivan] = ((await ask('/who sullivan')).data as WhoView).statements;
  check(
    '/who sullivan: reported concern over Serbian troops near the border',
    sullivan?.kind === 'indirect' &&
      sullivan.cue === 'expressed concern' &&
      sullivan.text.includes('the deployment of Serbian troops near the border with Kosovo'),
    sullivan ? `${sullivan.kind} ${sullivan.cue}: ${sullivan.text}` : 'no statement',
  );
  const briefing = (await ask('/briefing kosovo')).data as BriefingView;
  check(
    '/briefing kosovo: cites the article with its outlet and date',
    briefing.sources.length === 1 &&
      briefing.sources[0]!.outlet === 'time news' &&
      briefing.sources[0]!.published.startsWith('2023-09-30'),
  );
} finally {
  app.close();
}

console.log(failures === 0 ? 'check:seed: all checks pass' : `check:seed: ${failures} failed`);
process.exitCode = failures === 0 ? 0 : 1;
