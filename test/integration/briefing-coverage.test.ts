import { describe, expect, it } from 'vitest';
import { emptyAnalysis } from '../../src/analysis/analysis.ts';
import type { BriefingView } from '../../src/briefing/briefing-view.ts';
import type { TimelineView } from '../../src/briefing/timeline-view.ts';
import type { ArticleInput } from '../../src/corpus/article.ts';
import { fixedClock } from '../../src/core/clock.ts';
import { createApp } from '../../src/main.ts';
import { invocation } from '../helpers/app.ts';

const report = (n: number, published: string, title: string, body: string): ArticleInput => ({
  title,
  body,
  outlet: `Outlet ${n % 4}`,
  url: `https://news${n % 4}.example.org/${n}`,
  published,
  tags: [],
  lang: 'en',
  origin: `test:${n}`,
});

describe('the timeline chart on a busy topic', () => {
  it('counts every article of the window per day, far beyond the 300 a timeline once read', async () => {
    const app = createApp({ db: ':memory:', clock: fixedClock('2024-02-01T00:00:00Z') });
    // Thirty days of Sudan coverage, 12 articles a day and 40 on the busiest: 388 articles.
    let n = 0;
    app.store.transaction(() => {
      for (let dayNumber = 0; dayNumber < 30; dayNumber++) {
        const date = new Date(Date.parse('2024-01-01T06:00:00Z') + dayNumber * 86_400_000);
        const count = dayNumber === 10 ? 40 : 12;
        for (let k = 0; k < count; k++) {
          const published = new Date(date.getTime() + k * 60_000).toISOString();
          app.store.addArticle(
            report(
              n++,
              published,
              `Sudan report ${n}`,
              `Fighting in Sudan, report number ${n}, with new figures from Darfur.`,
            ),
            emptyAnalysis(),
          );
        }
      }
    });
    const result = await app.dispatch(invocation('timeline', { topic: 'sudan', days: 30 }));
    expect(result.outcome).toBe('ok');
    const view = result.data as TimelineView;
    expect(view.days.reduce((sum, day) => sum + day.articles, 0)).toBe(388);
    expect(view.days.find((day) => day.date === '2024-01-11')!.articles).toBe(40);
    expect(view.days.find((day) => day.date === '2024-01-01')!.articles).toBe(12);
    app.close();
  });
});

describe('a topic named only in passing', () => {
  // A long statement on other subjects that names Kosovo once, deep in its body.
  const statement = report(
    1,
    '2024-01-25T15:00:00Z',
    'Statement on the budget, nominations and the harvest',
    'The administration today set out its spending plan for the coming year and named three ' +
      'nominees to federal boards. The harvest outlook was revised upwards after a wet spring. ' +
      'Officials said the rail timetable would be published next week.\n\n' +
      'The first nominee, a career diplomat, led the embassy in a Central Asian capital and ' +
      'later served as deputy chief of mission in a Baltic state, where she oversaw a review ' +
      'of consular services and a new programme for trade fairs. She studied economics and ' +
      'speaks four languages.\n\n' +
      'Earlier in her career she also served as ambassador to Kosovo.\n\n' +
      'The second nominee runs a transport consultancy and has advised two state governments ' +
      'on freight rail.',
  );

  it('gives no development, level or actor, and never the document’s unrelated opening', async () => {
    const app = createApp({ db: ':memory:', clock: fixedClock('2024-02-01T00:00:00Z') });
    app.ingester.ingestArticles([statement]);
    const result = await app.dispatch(invocation('briefing', { topic: 'kosovo', days: 30 }));
    expect(result.outcome).toBe('ok');
    const view = result.data as BriefingView;
    expect(view.passingOnly).toBe(true);
    expect(view.developments).toEqual([]);
    // An official document that rates no event rates no level (not "calm").
    expect(view.escalation).toMatchObject({ level: null, label: 'not rated' });
    expect(view.actors).toEqual([]);
    for (const sentence of view.summary) expect(sentence.text).toMatch(/Kosovo/);
    expect(JSON.stringify(view.summary)).not.toMatch(/spending plan|harvest|nominees/);
    // Nothing cited, no empty list of sources; the whole coverage is a command away.
    expect(view.sources).toEqual([]);
    expect(result.reply.blocks.map((block) => block.type)).not.toContain('sources');
    expect(result.reply.actions?.map((action) => action.commandLine)).toContain(
      '/sources "Kosovo"',
    );
    app.close();
  });

  it('summarises the topic from the reports about it, not from the passing document', async () => {
    const app = createApp({ db: ':memory:', clock: fixedClock('2024-02-01T00:00:00Z') });
    app.ingester.ingestArticles([
      statement,
      report(
        2,
        '2024-01-24T09:00:00Z',
        'Kosovo police close crossing at Jarinje after protest',
        'Kosovo police closed the Jarinje crossing with Serbia on Wednesday after a protest by ' +
          'local Serbs blocked the road for several hours, officials in Pristina said. Trucks ' +
          'queued for kilometres on both sides. The crossing reopened in the evening.',
      ),
    ]);
    const view = (await app.dispatch(invocation('briefing', { topic: 'kosovo', days: 30 })))
      .data as BriefingView;
    expect(view.passingOnly).toBe(false);
    expect(view.developments.map((item) => item.text)).toEqual([
      'Kosovo police close crossing at Jarinje after protest',
    ]);
    expect(view.summary.length).toBeGreaterThan(0);
    expect(JSON.stringify(view.summary)).not.toMatch(/spending plan|harvest|nominees/);
    app.close();
  });
});
