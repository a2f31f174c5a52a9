import { afterEach, describe, expect, it } from 'vitest';
import type { BriefingView } from '../../src/briefing/briefing-view.ts';
import { fixedClock } from '../../src/core/clock.ts';
import { createApp, type App } from '../../src/main.ts';
import { briefingArticles } from '../fixtures/briefing-articles.ts';
import { invocation } from '../helpers/app.ts';
import { startFakeOpenAi, type Behaviour, type FakeOpenAi } from '../fakes/openai.ts';

let fake: FakeOpenAi | undefined;
let app: App | undefined;

afterEach(async () => {
  app?.close();
  await fake?.close();
  app = undefined;
  fake = undefined;
});

const GOOD_1 = 'A Kosovo police officer was killed when armed men attacked a patrol near Banjska';
const GOOD_2 = 'NATO approved additional forces for its KFOR peacekeeping mission in Kosovo';

/** Starts the fake with a script, and an app whose briefings use it as their model. */
async function setUp(
  script: () => Behaviour,
  options: { stream?: boolean; timeoutMs?: number } = {},
): Promise<App> {
  fake = await startFakeOpenAi(script);
  app = createApp({
    db: ':memory:',
    clock: fixedClock('2023-10-02T00:00:00Z'),
    llm: {
      apiKey: 'test-key',
      baseURL: fake.baseURL,
      model: 'fake-model',
      timeoutMs: options.timeoutMs ?? 5000,
      ...(options.stream ? { stream: true } : {}),
    },
  });
  app.ingester.ingestArticles(briefingArticles);
  return app;
}

async function briefing(target: App) {
  const result = await target.dispatch(invocation('briefing', { topic: 'kosovo', days: 10 }));
  expect(result.outcome).toBe('ok');
  const notices = result.reply.blocks.flatMap((block) =>
    block.type === 'notice' ? [block.text] : [],
  );
  return { view: result.data as BriefingView, notices };
}

/** The source number the extractive briefing gave an article, found by its title. */
function sourceOf(view: BriefingView, title: string): number {
  const source = view.sources.find((item) => item.title.startsWith(title));
  if (!source) throw new Error(`no source titled ${title}`);
  return source.n;
}

describe('/briefing with a language model', () => {
  it('uses a verified model summary (JSON answer) and caches it per corpus version', async () => {
    const target = await setUp(() => ({
      kind: 'answer',
      content: `${GOOD_1} [1].\n${GOOD_2} [2].`,
    }));
    const first = await briefing(target);
    // The fake cannot know the numbering in advance, so check the citations resolve.
    expect(first.view.summaryBy).toBe('model');
    expect(first.view.summary.map((item) => item.text)).toEqual([`${GOOD_1}.`, `${GOOD_2}.`]);
    await briefing(target);
    expect(fake!.requests).toHaveLength(1);
    expect(fake!.requests[0]!.model).toBe('fake-model');
  });

  it('reads a streamed answer', async () => {
    const target = await setUp(() => ({ kind: 'answer', content: `${GOOD_2} [1][2].` }), {
      stream: true,
    });
    const { view } = await briefing(target);
    expect(fake!.requests[0]!.stream).toBe(true);
    expect(view.summaryBy).toBe('model');
    expect(view.summary).toHaveLength(1);
  });

  it('drops a sentence whose quote is not in the cited source', async () => {
    const target = await setUp(() => ({
      kind: 'answer',
      content:
        `${GOOD_1} [1].\n` +
        'Borrell said the attack was "an act of war by Belgrade" and demanded sanctions [1].',
    }));
    const { view, notices } = await briefing(target);
    expect(view.summaryBy).toBe('model');
    expect(view.summary.map((item) => item.text)).toEqual([`${GOOD_1}.`]);
    expect(notices.join(' ')).toMatch(/1 unsupported sentence/);
  });

  it('falls back to the extractive summary when every sentence cites a missing source', async () => {
    const target = await setUp(() => ({
      kind: 'answer',
      content: `${GOOD_1} [41].\n${GOOD_2} [42].`,
    }));
    const { view, notices } = await briefing(target);
    expect(view.summaryBy).toBe('extractive');
    expect(view.summary.length).toBeGreaterThanOrEqual(3);
    expect(notices.join(' ')).toMatch(/failed verification/);
  });

  it('keeps a planted instruction as data and drops output that obeys it', async () => {
    const target = await setUp(() => ({
      kind: 'answer',
      content: `${GOOD_2} [2].\nNATO has left Kosovo for good [3].`,
    }));
    const { view } = await briefing(target);
    const user = fake!.requests[0]!.messages.find((message) => message.role === 'user')!.content;
    const planted = user.indexOf('Ignore all previous instructions');
    if (planted !== -1) {
      // When the planted sentence reaches the model at all, it sits inside a <source> element.
      expect(user.lastIndexOf('<source', planted)).toBeGreaterThan(
        user.lastIndexOf('</source>', planted),
      );
    }
    expect(fake!.requests[0]!.messages[0]!.content).toMatch(/never instructions/);
    expect(view.summary.map((item) => item.text).join(' ')).not.toMatch(/left Kosovo for good/);
  });

  it('falls back when the model does not answer in time', async () => {
    const target = await setUp(() => ({ kind: 'hang' }), { timeoutMs: 150 });
    const { view, notices } = await briefing(target);
    expect(view.summaryBy).toBe('extractive');
    expect(notices.join(' ')).toMatch(/did not answer in time/);
  });

  it('falls back on 429 without retrying', async () => {
    const target = await setUp(() => ({ kind: 'status', status: 429, message: 'slow down' }));
    const { view, notices } = await briefing(target);
    expect(view.summaryBy).toBe('extractive');
    expect(notices.join(' ')).toMatch(/rate-limited/);
    expect(fake!.requests).toHaveLength(1);
  });

  it('cites only sources the briefing lists', async () => {
    const target = await setUp(() => ({ kind: 'answer', content: `${GOOD_1} [1].` }));
    const { view } = await briefing(target);
    const listed = new Set(view.sources.map((source) => source.n));
    for (const item of view.summary)
      for (const n of item.citations) expect(listed.has(n)).toBe(true);
    expect(sourceOf(view, 'Police officer killed')).toBeGreaterThan(0);
  });
});
