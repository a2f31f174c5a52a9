import { beforeAll, describe, expect, it } from 'vitest';
import { ErrorId } from '../../src/core/errors.ts';
import type { App } from '../../src/main.ts';
import { invoke } from '../fakes/invoke.ts';
import { createTestApp } from '../helpers/app.ts';
import { article } from '../helpers/articles.ts';

let app: App;
beforeAll(() => {
  app = createTestApp();
  app.ingester.ingestArticles([article()]);
});

const run = (line: string) => invoke(app.dispatch, app.services.commands, line);

describe('a wrong argument is named, not taken for part of the topic', () => {
  it('says a severity is out of range', async () => {
    for (const line of ['/subscribe kosovo 6', '/subscribe kosovo 0']) {
      const result = await run(line);
      expect(result.errorId).toBe(ErrorId.OutOfRange);
      expect(result.errorDetails).toMatchObject({ option: 'severity' });
      expect(JSON.stringify(result.reply)).toMatch(/severity takes 1 to 5/);
    }
  });

  it('says a digest needs off or daily', async () => {
    for (const line of ['/subscribe kosovo 3 digest', '/subscribe kosovo 3 weekly']) {
      const result = await run(line);
      expect(result.errorId).toBe(ErrorId.BadOption);
      expect(result.errorDetails).toMatchObject({ option: 'digest' });
      expect(JSON.stringify(result.reply)).toMatch(/digest:daily|off or daily/);
    }
  });

  it('says days must be a number', async () => {
    for (const line of ['/briefing kosovo abc', '/timeline kosovo abc']) {
      const result = await run(line);
      expect(result.errorId).toBe(ErrorId.BadOption);
      expect(result.errorDetails).toMatchObject({ option: 'days', value: 'abc' });
    }
  });

  it('still reads severity and digest in either order, and still refuses an unknown topic', async () => {
    expect((await run('/subscribe kosovo 3 daily')).data).toMatchObject({
      minLevel: 3,
      digest: 'daily',
    });
    expect((await run('/subscribe kosovo daily 2')).data).toMatchObject({
      minLevel: 2,
      digest: 'daily',
    });
    expect((await run('/subscribe atlantis 3')).errorId).toBe(ErrorId.UnknownTopic);
    expect((await run('/briefing atlantis')).errorId).toBe(ErrorId.NoCoverage);
  });
});

describe('counts', () => {
  it('say "1 subscription", not "all 1 subscriptions"', async () => {
    await run('/subscribe kosovo 3');
    const one = await run('/unsubscribe all');
    expect(JSON.stringify(one.reply)).not.toMatch(/all 1 subscriptions/);
    expect(JSON.stringify(one.reply)).toMatch(/the one subscription/);
    await run('/subscribe kosovo 3');
    await run('/subscribe serbia 3');
    expect(JSON.stringify((await run('/unsubscribe all')).reply)).toMatch(/all 2 subscriptions/);
  });
});
