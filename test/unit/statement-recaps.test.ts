import { afterEach, describe, expect, it } from 'vitest';
import type { WhoView } from '../../src/briefing/who-view.ts';
import type { Block } from '../../src/core/reply.ts';
import type { App } from '../../src/main.ts';
import { answerLine } from '../../src/platforms/console/repl.ts';
import { createTestApp } from '../helpers/app.ts';
import { article } from '../helpers/articles.ts';

let app: App;
afterEach(() => app.close());

function ingest(...stories: { body: string; published: string; outlet: string }[]): void {
  app.ingester.ingestArticles(
    stories.map((story, index) =>
      article({
        title: `Story ${index}: ${story.body.slice(0, 30)}`,
        body: story.body,
        outlet: story.outlet,
        url: `https://${story.outlet.toLowerCase().replace(/ /g, '')}.example.com/${index}`,
        published: story.published,
      }),
    ),
  );
}

async function who(line: string) {
  const answer = await answerLine(line, app.dispatch, app.services.commands);
  return { view: answer.data as WhoView, blocks: answer.reply.blocks };
}

describe('a statement reported again', () => {
  it('joins the statement it recaps as a second source, dated when it was first made', async () => {
    app = createTestApp();
    ingest(
      {
        outlet: 'Balkan Wire',
        published: '2023-09-29T18:00:00Z',
        body: 'US National Security Council spokesman John Kirby said on Friday that Washington was asking Serbia to pull its artillery and tanks back from the border.',
      },
      {
        outlet: 'Adriatic Observer',
        published: '2023-10-04T08:00:00Z',
        body: 'Serbia says it has cut its forces near Kosovo. Last week John Kirby asked Serbia to pull its tanks and artillery back from the border.',
      },
    );
    const { view, blocks } = await who('/who kirby');
    expect(view.statements).toHaveLength(1);
    const [statement] = view.statements;
    expect(statement!.date).toBe('2023-09-29');
    expect(statement!.article.outlet).toBe('Balkan Wire');
    expect(statement!.alsoIn.map((source) => source.outlet)).toEqual(['Adriatic Observer']);
    const quote = blocks.find((block) => block.type === 'quote') as Extract<
      Block,
      { type: 'quote' }
    >;
    expect([quote.citation, ...(quote.alsoCited ?? [])]).toEqual([1, 2]);
  });

  it('keeps a recap on its own, dated from its time words, when the first report is missing', async () => {
    app = createTestApp();
    ingest({
      outlet: 'Adriatic Observer',
      published: '2023-10-04T08:00:00Z',
      body: 'Last week John Kirby asked Serbia to pull its tanks and artillery back from the border.',
    });
    const { view } = await who('/who kirby');
    expect(view.statements.map((statement) => [statement.date, statement.dateLabel])).toEqual([
      ['2023-09-25', 'week of 2023-09-25'],
    ]);
  });

  it('cites the first report and eight later ones of a statement copied by many outlets', async () => {
    app = createTestApp();
    const sentence =
      'US National Security Council spokesman John Kirby said that Washington was asking Serbia to pull its artillery back from the border.';
    ingest(
      ...Array.from({ length: 12 }, (_, index) => ({
        outlet: `Wire ${String.fromCharCode(65 + index)}`,
        published: `2023-09-${String(18 + index).padStart(2, '0')}T08:00:00Z`,
        body: sentence,
      })),
    );
    const { view, blocks } = await who('/who kirby');
    expect(view.statements).toHaveLength(1);
    const [statement] = view.statements;
    expect(statement!.article.outlet).toBe('Wire A');
    expect(statement!.alsoIn.map((source) => source.outlet)).toEqual(
      ['B', 'C', 'D', 'E', 'F', 'G', 'H', 'I'].map((letter) => `Wire ${letter}`),
    );
    const sources = blocks.find((block) => block.type === 'sources') as Extract<
      Block,
      { type: 'sources' }
    >;
    expect(sources.items).toHaveLength(9);
    // The copies past the eighth were not recorded at all: they cost the store no row.
    const rows = app.store.db.prepare('SELECT count(*) AS n FROM statement_sources').get() as {
      n: number;
    };
    expect(rows.n).toBe(8);
  });

  it('keeps statements apart when their figures differ or their days are far apart', async () => {
    app = createTestApp();
    ingest(
      {
        outlet: 'Balkan Wire',
        published: '2023-09-29T18:00:00Z',
        body: 'Aleksandar Vučić said that 8,000 soldiers were stationed near the boundary.',
      },
      {
        outlet: 'Adriatic Observer',
        published: '2023-09-30T08:00:00Z',
        body: 'Aleksandar Vučić said that 4,500 soldiers were stationed near the boundary.',
      },
      {
        outlet: 'Adriatic Observer',
        published: '2023-10-20T08:00:00Z',
        body: 'Aleksandar Vučić said that 4,500 soldiers remained stationed near the boundary.',
      },
    );
    const { view } = await who('/who vucic');
    expect(view.statements).toHaveLength(3);
  });
});

describe('a talking point repeated at another briefing', () => {
  it('is a statement of each briefing, not a recap of the first', async () => {
    app = createTestApp();
    const briefing = (day: string, answer: string) =>
      article({
        title: 'Press Briefing by NSC Coordinator for Strategic Communications John Kirby',
        body: [
          'MR. KIRBY:  Good afternoon.  I have a short update on the region before questions.',
          'Q    Admiral, will the Navy escort the grain ships?',
          `MR. KIRBY:  ${answer}`,
          'Q    Thank you.',
        ].join('\n\n'),
        outlet: 'The White House',
        url: `https://whitehouse.example.gov/briefings/${day}`,
        published: `${day}T19:00:00Z`,
      });
    app.ingester.ingestArticles([
      briefing(
        '2023-10-03',
        'We will keep working with our partners to protect the shipping lanes in the Black Sea.',
      ),
      briefing(
        '2023-10-04',
        'We are going to keep working with partners to protect shipping lanes in the Black Sea.',
      ),
    ]);
    const { view } = await who('/who kirby');
    const repeated = view.statements.filter((statement) => statement.text.includes('Black Sea'));
    expect(repeated.map((statement) => [statement.date, statement.alsoIn.length])).toEqual([
      ['2023-10-04', 0],
      ['2023-10-03', 0],
    ]);
  });
});

describe('a statement placed before its verb', () => {
  it('reads on from the verb without a capital that would mark the splice', async () => {
    app = createTestApp();
    ingest({
      outlet: 'Balkan Wire',
      published: '2023-05-30T12:00:00Z',
      body: 'The United States has dropped Kosovo from a joint military exercise over the unrest in the north, US Ambassador Jeffrey Hovenier said on Tuesday.',
    });
    const { view } = await who('/who hovenier');
    const [statement] = view.statements;
    expect(`${statement!.cue} ${statement!.text}`).toBe(
      'said the United States has dropped Kosovo from a joint military exercise over the unrest in the north',
    );
  });
});
