import { afterEach, describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../src/analysis/analyze.ts';
import { issuerStatements, statementIssuer } from '../../src/analysis/official-statement.ts';
import type { WhoView } from '../../src/briefing/who-view.ts';
import type { App } from '../../src/main.ts';
import { answerLine } from '../../src/platforms/console/repl.ts';
import { createTestApp } from '../helpers/app.ts';
import { article } from '../helpers/articles.ts';

const BODY =
  'This past Sunday, three soldiers were killed at a base near the border by a drone ' +
  'launched by militant groups.\n\nThis afternoon, at my direction, our forces struck ' +
  'targets at facilities that the militias use to attack our troops.\n\n' +
  'Our response began today.\n\n###';

describe('statements issued under a name', () => {
  it.each([
    [
      'Statement from President Joe Biden on U.S. Military Operation in the Middle East',
      { name: 'Joe Biden', role: 'President' },
    ],
    [
      'Statement from Press Secretary Karine Jean-Pierre on the Visit of Chancellor Scholz',
      { name: 'Karine Jean-Pierre', role: 'Press Secretary' },
    ],
    [
      'Statement by Communications Director Kirsten Allen on the Vice President’s Travel',
      { name: 'Kirsten Allen', role: 'Communications Director' },
    ],
  ])('reads the issuer of “%s”', (title, issuer) => {
    expect(statementIssuer(title)).toEqual(issuer);
  });

  it.each([
    'Statement from President Biden and Prime Minister Kishida',
    'Statement from the Press Secretary on the Budget',
    'Joint Statement from the Leaders of the G7',
    'Readout of President Joe Biden’s Call with King Abdullah II of Jordan',
    'Biden vows response after drone kills three soldiers',
  ])('reads no one person as the issuer of “%s”', (title) => {
    expect(statementIssuer(title)).toBeNull();
  });

  it('makes each paragraph of eight words or more a direct statement on the record', () => {
    const quotes = issuerStatements(BODY, { name: 'Joe Biden', role: 'President' });
    expect(quotes.map((quote) => [quote.speaker, quote.kind, quote.onRecord])).toEqual([
      ['Joe Biden', 'direct', true],
      ['Joe Biden', 'direct', true],
    ]);
    for (const quote of quotes)
      expect(BODY.slice(quote.content.start, quote.content.end)).toBe(quote.content.text);
    expect(quotes[1]!.content.text).toMatch(/^This afternoon, at my direction/);
  });

  it('leaves a news report that quotes no one without statements', () => {
    const analysis = analyzeArticle({
      title: 'Drone kills three soldiers at a base near the border',
      body: BODY,
      published: '2024-02-02T22:00:00Z',
    });
    expect(analysis.issuer).toBeUndefined();
    expect(analysis.quotes.filter((quote) => quote.kind === 'direct')).toEqual([]);
  });
});

describe('/who for the issuer of a statement', () => {
  let app: App;
  afterEach(() => app.close());

  it('answers with the statement’s words under the issuer’s name and office', async () => {
    app = createTestApp('2024-03-01T00:00:00Z');
    app.ingester.ingestArticles([
      article({
        title: 'Statement from President Joe Biden on U.S. Military Operation in the Middle East',
        body: BODY,
        url: 'https://www.whitehouse.example.gov/statement-military-operation',
        published: '2024-02-02T22:00:00Z',
      }),
    ]);
    const view = (await answerLine('/who biden', app.dispatch, app.services.commands))
      .data as WhoView;
    expect(view.person?.name).toBe('Joe Biden');
    expect(view.person?.roles).toEqual(['President']);
    expect(
      view.statements.map((statement) => [statement.kind, statement.text.slice(0, 30)]),
    ).toEqual([
      ['direct', 'This past Sunday, three soldie'],
      ['direct', 'This afternoon, at my directio'],
    ]);
  });
});
