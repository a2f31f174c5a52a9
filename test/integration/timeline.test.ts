import { beforeAll, describe, expect, it } from 'vitest';
import type { TimelineView } from '../../src/briefing/timeline-view.ts';
import { ErrorId } from '../../src/core/errors.ts';
import type { App } from '../../src/main.ts';
import { renderConsole } from '../../src/platforms/console/render.ts';
import { createTestApp, invocation } from '../helpers/app.ts';
import { sampleDir } from '../helpers/paths.ts';

let app: App;

beforeAll(async () => {
  app = createTestApp('2023-10-03T00:00:00Z');
  await app.ingester.ingestPaths([sampleDir]);
});

describe('/timeline', () => {
  it('lists stories oldest first and counts every day of the window', async () => {
    const result = await app.dispatch(invocation('timeline', { topic: 'kosovo', days: 14 }));
    expect(result.outcome).toBe('ok');
    const view = result.data as TimelineView;
    const dates = view.stories.map((story) => story.date);
    expect(dates).toEqual([...dates].sort());
    expect(view.days).toHaveLength(15);
    expect(view.days.reduce((sum, day) => sum + day.articles, 0)).toBeGreaterThanOrEqual(
      view.stories.length,
    );
    expect(view.days.find((day) => day.date === '2023-09-24')!.articles).toBeGreaterThan(0);
    for (const story of view.stories)
      for (const n of story.citations) expect(view.sources.map((s) => s.n)).toContain(n);
  });

  it('attaches a PNG chart and prints a sparkline on the console', async () => {
    const result = await app.dispatch(invocation('timeline', { topic: 'kosovo', days: 14 }));
    const image = result.reply.blocks.find((block) => block.type === 'image');
    expect(image?.type).toBe('image');
    if (image?.type !== 'image') return;
    expect([...image.png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    const text = renderConsole(result.reply, { width: 100, colour: false });
    expect(text).toMatch(/Articles per day {2}[▁▂▃▄▅▆▇█]{15} /);
    expect(text).not.toContain('PNG');
  });

  it('answers an unknown topic with no coverage', async () => {
    const result = await app.dispatch(invocation('timeline', { topic: 'atlantis' }));
    expect(result.errorId).toBe(ErrorId.NoCoverage);
  });
});
