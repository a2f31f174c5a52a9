import { afterEach, describe, expect, it } from 'vitest';
import type { BriefingView } from '../../src/briefing/briefing-view.ts';
import type { App } from '../../src/main.ts';
import { answerLine } from '../../src/platforms/console/repl.ts';
import { createTestApp } from '../helpers/app.ts';
import { article } from '../helpers/articles.ts';

let app: App | undefined;
afterEach(() => app?.close());

function ingest(...bodies: string[]): void {
  app!.ingester.ingestArticles(
    bodies.map((body, index) =>
      article({
        title: `Kosovo report ${index}`,
        body,
        url: `https://balkanwire.example.com/report-${index}`,
        published: new Date(Date.UTC(2023, 8, 26, 8) + index * 3_600_000).toISOString(),
      }),
    ),
  );
}

describe('a briefing names each person one way', () => {
  it('credits a quote under the spelling and the single role its actor line shows', async () => {
    app = createTestApp();
    ingest(
      '"Serbia will not send a single soldier into Kosovo," Serbian President Aleksandar Vucic said on Tuesday.',
      'President Aleksandar Vučić met European envoys in Belgrade to discuss Kosovo. Vučić asked for calm.',
      'Kosovo Prime Minister Albin Kurti said that the gunmen in Kosovo had been armed by Belgrade.',
    );
    const answer = await answerLine('/briefing kosovo', app.dispatch, app.services.commands);
    const view = answer.data as BriefingView;
    const serbian = view.actors.filter((actor) => /Vu[cč]i[cć]/.test(actor.name));
    expect(serbian.map((actor) => [actor.name, actor.role])).toEqual([
      ['Aleksandar Vučić', 'Serbian President'],
    ]);
    expect(view.quotes.map((quote) => quote.speaker)).toContain('Aleksandar Vučić');
    expect(view.quotes.map((quote) => quote.speaker)).not.toContain('Aleksandar Vucic');
  });
});
