import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BriefingView } from '../../src/briefing/briefing-view.ts';
import { main } from '../../src/cli.ts';
import { fixedClock } from '../../src/core/clock.ts';
import { createApp } from '../../src/main.ts';
import { answerLine } from '../../src/platforms/console/repl.ts';
import { plainTextArticles } from '../fixtures/plain-text-articles.ts';
import { article } from '../helpers/articles.ts';
import { captureIo } from '../helpers/cli-io.ts';

const work = mkdtempSync(join(tmpdir(), 'sitrep-ask-'));
const db = join(work, 'sitrep.db');
const NOW = '2023-10-05T00:00:00Z';
afterAll(() => rmSync(work, { recursive: true, force: true }));

const summit = article({
  title: 'Kosovo hosts a regional energy summit in Prizren',
  body: 'Ministers from six Balkan states met in Prizren on Sunday to plan shared power lines.',
  url: 'https://plainwire.example.com/energy-summit',
  published: '2023-10-01T08:00:00Z',
  origin: 'fixture:energy-summit',
});

/** The console's briefing on Kosovo, which records what it showed. */
async function consoleBriefing(): Promise<BriefingView> {
  const app = createApp({ db, clock: fixedClock(NOW) });
  try {
    return (await answerLine('/briefing kosovo', app.dispatch, app.services.commands))
      .data as BriefingView;
  } finally {
    app.close();
  }
}

async function ask(line: string, json = true) {
  const run = captureIo();
  const code = await main(
    ['ask', '--db', db, '--now', NOW, ...(json ? ['--json'] : []), line],
    run.io,
  );
  return { code, stdout: run.stdout(), stderr: run.stderr() };
}

const newOnes = (view: BriefingView) =>
  view.developments.filter((item) => item.new).map((item) => item.text);

beforeAll(async () => {
  const app = createApp({ db, clock: fixedClock(NOW) });
  app.ingester.ingestArticles(plainTextArticles);
  app.close();
  await consoleBriefing();
  const later = createApp({ db, clock: fixedClock(NOW) });
  later.ingester.ingestArticles([summit]);
  later.close();
});

describe('sitrep ask only reads', () => {
  it('marks what is new to the console the same way each time, without recording it', async () => {
    const first = JSON.parse((await ask('/briefing kosovo')).stdout) as { data: BriefingView };
    const second = JSON.parse((await ask('/briefing kosovo')).stdout) as { data: BriefingView };
    expect(newOnes(first.data)).toEqual([expect.stringContaining('energy summit')]);
    expect(newOnes(second.data)).toEqual(newOnes(first.data));
    expect(newOnes(await consoleBriefing())).toEqual(newOnes(first.data));
    expect(newOnes(await consoleBriefing())).toEqual([]);
  });

  it('refuses commands that change settings, and answers plain text too', async () => {
    const refused = await ask('/subscribe kosovo 3', false);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/only read/);
    const app = createApp({ db, clock: fixedClock(NOW) });
    const subscriptions = app.store.db.prepare('SELECT count(*) AS n FROM subscriptions').get();
    app.close();
    expect(subscriptions).toEqual({ n: 0 });
    const question = await ask('what happened in Banjska?', false);
    expect(question.code).toBe(0);
    expect(question.stdout).toMatch(/gunmen ambushed a patrol/);
  });
});
