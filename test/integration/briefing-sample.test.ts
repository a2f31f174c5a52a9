import { beforeAll, describe, expect, it } from 'vitest';
import type { BriefingView } from '../../src/briefing/briefing-view.ts';
import { fixedClock } from '../../src/core/clock.ts';
import { ErrorId } from '../../src/core/errors.ts';
import { normaliseText } from '../../src/corpus/article-id.ts';
import { createApp, type App } from '../../src/main.ts';
import { briefingArticles } from '../fixtures/briefing-articles.ts';
import { invocation } from '../helpers/app.ts';
import { sampleDir } from '../helpers/paths.ts';

let app: App;

beforeAll(async () => {
  app = createApp({ db: ':memory:', clock: fixedClock('2023-10-03T00:00:00Z') });
  const report = await app.ingester.ingestPaths([sampleDir]);
  expect(report.added.length).toBeGreaterThan(30);
});

async function briefing(args: Record<string, string | number>, channel = 'sample') {
  return app.dispatch(invocation('briefing', args, { channel: { id: channel, kind: 'channel' } }));
}

describe('/briefing on the sample corpus', () => {
  it('covers the Banjska attack and the KFOR reinforcement, with citations', async () => {
    const result = await briefing({ topic: 'kosovo', days: 10 });
    expect(result.outcome).toBe('ok');
    const view = result.data as BriefingView;
    const summary = view.summary.map((item) => item.text).join(' ');
    expect(view.summary.length).toBeGreaterThanOrEqual(4);
    expect(view.summary.length).toBeLessThanOrEqual(6);
    expect(summary).toMatch(/Banjska/);
    expect(summary).toMatch(/KFOR|peacekeeping mission/);
    expect(summary).toMatch(/reinforce|additional (troops|forces)|more troops/i);
    for (const item of view.summary) expect(item.citations.length).toBeGreaterThan(0);
  });

  it('never repeats a sentence and every citation resolves to a listed source', async () => {
    const view = (await briefing({ topic: 'kosovo', days: 30 })).data as BriefingView;
    const texts = view.summary.map((item) => normaliseText(item.text));
    expect(new Set(texts).size).toBe(texts.length);
    const numbers = view.sources.map((source) => source.n);
    expect(numbers).toEqual(numbers.map((_, index) => index + 1));
    const cited = [
      ...view.summary.flatMap((item) => item.citations),
      ...view.developments.flatMap((item) => item.citations),
      ...view.quotes.map((quote) => quote.citation),
    ];
    for (const n of cited) expect(numbers).toContain(n);
    // One line per event, at most eight.
    const stories = view.developments.map((item) => item.story);
    expect(new Set(stories).size).toBe(stories.length);
    expect(stories.length).toBeLessThanOrEqual(8);
  });

  it('folds the syndicated copy into one source with an outlet count', async () => {
    const view = (await briefing({ topic: 'kosovo', days: 10 })).data as BriefingView;
    // Pair A of the sample corpus: one wire story under two outlets' headlines.
    const copies = view.sources.filter((source) =>
      /warns of 'unprecedented' Serbian (military|troop) build-up/.test(source.title),
    );
    expect(copies).toHaveLength(1);
    expect(copies[0]!.outlets).toBe(2);
  });

  it('takes escalation and severities from the events analysis, with the reasons', async () => {
    const view = (await briefing({ topic: 'kosovo', days: 10 })).data as BriefingView;
    expect(view.escalation.level).toBeGreaterThanOrEqual(1);
    expect(view.escalation.level).toBeLessThanOrEqual(5);
    expect(view.escalation.trend).not.toBeNull();
    expect(view.escalation.signals.length).toBeGreaterThan(0);
    // The Banjska attack's story, under whichever of its reports' headlines titles it.
    const attack = view.developments.find((item) => /Banjska/.test(item.text));
    expect(attack?.severity).toBe(Math.max(...view.developments.map((item) => item.severity ?? 0)));
  });

  it('names each key actor once, under the registry name, with a role', async () => {
    const view = (await briefing({ topic: 'kosovo', days: 40 })).data as BriefingView;
    const keys = view.actors.map((actor) => normaliseText(actor.name));
    expect(new Set(keys).size).toBe(keys.length);
    expect(view.actors.length).toBeGreaterThan(2);
    expect(view.actors.some((actor) => actor.role !== null)).toBe(true);
  });

  it('answers an unknown topic with no coverage and the closest known topics', async () => {
    const result = await briefing({ topic: 'kosvo' });
    expect(result.outcome).toBe('user-error');
    expect(result.errorId).toBe(ErrorId.NoCoverage);
    expect(result.errorDetails?.['closest']).toContain('Kosovo');
  });

  it('marks the stories a channel had not been shown before', async () => {
    const first = (await briefing({ topic: 'karabakh', days: 30 }, 'memory')).data as BriefingView;
    expect(first.developments.some((item) => item.new)).toBe(false);
    const other = (await briefing({ topic: 'kosovo', days: 2 }, 'memory')).data as BriefingView;
    expect(other.developments.some((item) => item.new)).toBe(false);
    const wider = (await briefing({ topic: 'kosovo', days: 10 }, 'memory')).data as BriefingView;
    const fresh = wider.developments.filter((item) => item.new).map((item) => item.story);
    const shown = new Set(other.developments.map((item) => item.story));
    expect(fresh.length).toBeGreaterThan(0);
    expect(fresh.every((story) => !shown.has(story))).toBe(true);
    const again = (await briefing({ topic: 'kosovo', days: 10 }, 'memory')).data as BriefingView;
    expect(again.developments.some((item) => item.new)).toBe(false);
  });
});

describe('/briefing on a topic with one article', () => {
  it('summarises and cites that one article', async () => {
    const single = createApp({ db: ':memory:', clock: fixedClock('2023-10-03T00:00:00Z') });
    try {
      single.ingester.ingestArticles([briefingArticles[0]!]);
      const result = await single.dispatch(invocation('briefing', { topic: 'kosovo' }));
      expect(result.outcome).toBe('ok');
      const view = result.data as BriefingView;
      expect(view.sources).toHaveLength(1);
      expect(view.developments).toHaveLength(1);
      expect(view.summary.length).toBeGreaterThan(0);
      for (const item of view.summary) expect(item.citations).toEqual([1]);
    } finally {
      single.close();
    }
  });
});

describe('/briefing on a topic only transcripts speak of', () => {
  it('rates no level from readouts of calls, but rates an attack an official statement reports', async () => {
    const official = createApp({ db: ':memory:', clock: fixedClock('2023-10-03T00:00:00Z') });
    const document = (title: string, body: string, published: string) => ({
      title,
      body,
      outlet: 'The White House',
      url: null,
      published,
      tags: [],
      lang: 'en',
      origin: `test/${title}`,
    });
    try {
      official.ingester.ingestArticles([
        document(
          'Readout of President Dana Marsh’s Call with Prime Minister Albin Kurti of Kosovo',
          'President Dana Marsh spoke today with Prime Minister Albin Kurti of Kosovo. The ' +
            'leaders discussed the situation in northern Kosovo and the dialogue with Serbia.',
          '2023-09-27T19:00:00Z',
        ),
      ]);
      const calls = await official.dispatch(invocation('briefing', { topic: 'kosovo' }));
      expect((calls.data as BriefingView).escalation).toMatchObject({ level: null });
      official.ingester.ingestArticles([
        document(
          'Statement from President Dana Marsh on the Attack on Police in Kosovo',
          'An armed group attacked a Kosovo police patrol near Banjska on Sunday, killing a ' +
            'police officer. I condemn this attack in the strongest terms.',
          '2023-09-28T19:00:00Z',
        ),
      ]);
      const attack = await official.dispatch(invocation('briefing', { topic: 'kosovo' }));
      expect((attack.data as BriefingView).escalation.level).toBeGreaterThanOrEqual(4);
    } finally {
      official.close();
    }
  });

  it('rates no level rather than calling it calm, and rates the news beside them', async () => {
    const record = createApp({ db: ':memory:', clock: fixedClock('2023-10-03T00:00:00Z') });
    try {
      const gaggle = {
        title: 'Press Gaggle by NSC Coordinator for Strategic Communications John Kirby',
        body: [
          'MR. KIRBY:  Good afternoon. A few words on Kosovo before your questions.',
          'Q    Admiral, what is the latest on the Serbian troops at the Kosovo border?',
          'MR. KIRBY:  We are watching the build-up of Serbian forces along the border with Kosovo very closely, and we have urged Belgrade to pull them back.',
          'Q    Thank you.',
        ].join('\n\n'),
        outlet: 'The White House',
        url: 'https://whitehouse.example.gov/briefings/2023-10-02',
        published: '2023-09-25T19:00:00Z',
        tags: [],
        lang: 'en',
        origin: 'test/gaggle',
      };
      record.ingester.ingestArticles([gaggle]);
      const alone = await record.dispatch(invocation('briefing', { topic: 'kosovo' }));
      expect((alone.data as BriefingView).escalation).toMatchObject({
        level: null,
        label: 'not rated',
      });
      const escalationField = (result: typeof alone) =>
        JSON.stringify(result.reply.blocks).match(/"Escalation","value":"([^"]+)"/)?.[1];
      expect(escalationField(alone)).toMatch(/^not rated \(only transcripts and official/);
      expect((alone.data as BriefingView).developments.map((item) => item.severity)).toEqual([
        null,
      ]);
      record.ingester.ingestArticles([briefingArticles[0]!]);
      const beside = await record.dispatch(invocation('briefing', { topic: 'kosovo' }));
      expect((beside.data as BriefingView).escalation.level).not.toBeNull();
    } finally {
      record.close();
    }
  });
});
