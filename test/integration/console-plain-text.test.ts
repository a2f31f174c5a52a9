import { PassThrough } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { answerPlainText } from '../../src/briefing/plain-text.ts';
import type { App } from '../../src/main.ts';
import { answerInput, runConsole } from '../../src/platforms/console/repl.ts';
import { renderConsole } from '../../src/platforms/console/render.ts';
import { plainTextArticles } from '../fixtures/plain-text-articles.ts';
import { createTestApp } from '../helpers/app.ts';
import { article } from '../helpers/articles.ts';

let app: App;
beforeAll(() => {
  app = createTestApp();
  app.ingester.ingestArticles(plainTextArticles);
});

/** The console's answer to each line, as the REPL prints it, with piped input. */
async function consoleSession(lines: string[]): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  input.end(`${lines.join('\n')}\n`);
  await runConsole({ dispatch: app.dispatch, services: app.services, input, output });
  return printed;
}

describe('plain text in the console', () => {
  it('reads a topic as its briefing, a name as /who and a question as a question', async () => {
    const printed = await consoleSession([
      'what happened in Banjska?',
      'Kosovo',
      'John Kirby',
      'kirby',
      'help',
    ]);
    expect(printed).not.toMatch(/There is no \//);
    const answers = printed.split(/\n\n(?=what happened|Briefing: |John Kirby\n|sitrep commands)/);
    expect(answers[0]).toMatch(/^what happened in Banjska/);
    expect(answers[0]).toMatch(/2023-09-24: A Kosovo police officer was killed[^[]*\[1\]/);
    expect(answers[0]).not.toMatch(/Odesa/);
    expect(printed).toMatch(/^Briefing: Kosovo$/m);
    expect(printed.match(/^John Kirby$/gm)).toHaveLength(2);
    expect(printed).toMatch(/"We are watching the deployment very closely,"/);
    expect(printed).toMatch(/^sitrep commands$/m);
  });

  it('keeps slash commands as they were, unknown ones included', async () => {
    const unknown = await answerInput('/what happened', {
      dispatch: app.dispatch,
      services: app.services,
    });
    expect(unknown).toMatchObject({ outcome: 'user-error', errorId: 'unknown-command' });
  });

  it('runs a command typed without its slash, but not a sentence that starts like one', async () => {
    expect(await answerPlainText(app.services, 'sources kosovo')).toEqual({
      kind: 'command',
      line: '/sources kosovo',
    });
    expect(await answerPlainText(app.services, 'who attacked the patrol?')).toMatchObject({
      kind: 'reply',
    });
    expect(await answerPlainText(app.services, 'help me make sense of this')).toMatchObject({
      kind: 'reply',
    });
  });

  it('suggests commands in one line when nothing matches', async () => {
    const answer = await answerPlainText(app.services, 'xylophone');
    expect(answer.kind).toBe('reply');
    if (answer.kind !== 'reply') return;
    const [first] = renderConsole(answer.reply, { width: 200, colour: false }).split('\n');
    expect(first).toMatch(/^Nothing in the corpus mentions "xylophone"\. Try \/briefing <topic>/);
  });

  it('cites each quoted sentence once, oldest first, from the articles that name the subject', async () => {
    const answer = await answerPlainText(
      app.services,
      'What did the White House say about Serbia?',
    );
    expect(answer.kind).toBe('reply');
    if (answer.kind !== 'reply') return;
    const list = answer.reply.blocks.find((block) => block.type === 'list');
    const sources = answer.reply.blocks.find((block) => block.type === 'sources');
    expect(list?.type === 'list' && list.items.map((item) => item.citations)).toEqual([[1]]);
    expect(sources?.type === 'sources' && sources.items.map((item) => item.title)).toEqual([
      'White House warns Serbia over troops near Kosovo',
    ]);
  });

  it('tells how it began and where it stands: the two earliest and two latest matches', async () => {
    const days = ['01', '03', '05', '07', '09', '11'];
    const many = createTestApp();
    many.ingester.ingestArticles(
      days.map((day) =>
        article({
          title: `Zubin Potok checkpoint report ${day}`,
          body: `Police reported on 2023-10-${day} that the Zubin Potok checkpoint stayed open.`,
          url: `https://plainwire.example.com/zubin-potok-${day}`,
          published: `2023-10-${day}T08:00:00Z`,
          origin: `fixture:zubin-potok-${day}`,
        }),
      ),
    );
    const answer = await answerPlainText(many.services, 'What happened in Zubin Potok?');
    if (answer.kind !== 'reply') throw new Error('expected a reply');
    const list = answer.reply.blocks.find((block) => block.type === 'list');
    const dates = list?.type === 'list' ? list.items.map((item) => item.text.slice(0, 10)) : [];
    expect(dates).toEqual(['2023-10-01', '2023-10-03', '2023-10-09', '2023-10-11']);
  });
});
