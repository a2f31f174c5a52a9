import { afterEach, describe, expect, it } from 'vitest';
import { directoryOf } from '../../src/briefing/people-directory.ts';
import { buildWho } from '../../src/briefing/who-view.ts';
import type { ArticleInput } from '../../src/corpus/article.ts';
import type { App } from '../../src/main.ts';
import { answerLine } from '../../src/platforms/console/repl.ts';
import { createTestApp } from '../helpers/app.ts';

const NOW = new Date('2024-03-01T00:00:00.000Z');

function article(title: string, published: string, paragraphs: string[]): ArticleInput {
  return {
    title,
    body: paragraphs.join('\n\n'),
    outlet: 'test wire',
    url: null,
    published,
    tags: [],
    lang: 'en',
    origin: `${title}.md`,
  };
}

let app: App;
afterEach(() => app.close());

describe('/who <name> topic:<key> on briefings', () => {
  /** One briefing on three subjects, written for this test. */
  const BRIEFING = article(
    'Press Briefing by Press Secretary Dana Whitfield and NSC Coordinator for Strategic Communications John Kirby',
    '2024-02-01T18:00:00.000Z',
    [
      'MS. WHITFIELD: Good afternoon. Admiral, over to you.',
      'MR. KIRBY: Thanks. Overnight Russian missiles struck power stations around Kyiv, and repair crews were out before dawn restoring heat to the city.',
      'Q Admiral, on Ukraine, when will the next package of assistance go out?',
      'MR. KIRBY: The money is stuck in Congress, and the artillery shells on the front are running short every week that passes.',
      'Q On Gaza, are the hostage talks moving?',
      'MR. KIRBY: The negotiators met again in Cairo this morning and the outline of a second pause is on the table.',
      'Q Two questions. Is Kyiv getting more air defence, and will Hamas accept the deal?',
      'MR. KIRBY: Hamas has not given its answer yet, and the mediators expect one by the weekend.',
      'Q And the hurricane season?',
      'MR. KIRBY: FEMA has crews positioned along the coast, and the Coast Guard has moved cutters south for the storms.',
    ],
  );

  it('gives the answers that are about the topic, by their words or by the question they answer', () => {
    app = createTestApp();
    app.ingester.ingestArticles([BRIEFING]);
    const texts = buildWho(app.store, 'kirby', NOW, { topic: 'ukraine', pageSize: 50 })
      .statements.map((statement) => statement.text)
      .sort();
    expect(texts).toEqual([
      'Overnight Russian missiles struck power stations around Kyiv, and repair crews were out before dawn restoring heat to the city.',
      'The money is stuck in Congress, and the artillery shells on the front are running short every week that passes.',
    ]);
    const gaza = buildWho(app.store, 'kirby', NOW, { topic: 'gaza', pageSize: 50 }).statements;
    expect(gaza.map((statement) => statement.text).sort()).toEqual([
      'Hamas has not given its answer yet, and the mediators expect one by the weekend.',
      'The negotiators met again in Cairo this morning and the outline of a second pause is on the table.',
    ]);
    expect(buildWho(app.store, 'kirby', NOW, { pageSize: 50 }).statements).toHaveLength(5);
  });

  it('still files a news story’s statements under the story’s topics', () => {
    app = createTestApp();
    app.ingester.ingestArticles([
      article('Kyiv without power after strikes', '2024-02-02T10:00:00.000Z', [
        'Russian missiles hit power stations around Kyiv overnight, officials said.',
        'John Kirby, the White House national security spokesman, said the United States would keep sending air defence systems.',
      ]),
    ]);
    const view = buildWho(app.store, 'kirby', NOW, { topic: 'ukraine' });
    expect(view.statements.map((statement) => statement.text).join(' ')).toMatch(/air defence/);
  });
});

describe('/who <surname> with namesakes', () => {
  const JILL = article('The First Lady visits a school', '2024-01-02T10:00:00.000Z', [
    'First Lady Jill Biden read to pupils at a primary school in Ohio on Tuesday.',
  ]);
  const JAMES = article('A hearing in Congress', '2024-01-03T10:00:00.000Z', [
    'James Biden, the brother of the president, answered questions from a House committee for several hours.',
  ]);
  const SURNAME_ONLY = article('A call with Tokyo', '2024-01-04T10:00:00.000Z', [
    'President Biden said the United States stood ready to send any help Japan needed after the earthquake.',
  ]);
  const joe = (day: number, what: string) =>
    article(`Statement ${day}`, `2024-01-${String(day).padStart(2, '0')}T10:00:00.000Z`, [
      `President Joe Biden said ${what}.`,
      `Biden spoke at the White House on ${day} January.`,
    ]);
  const EARLIER = article('An old visit', '2024-01-05T10:00:00.000Z', [
    'In 2014, Vice President Joe Biden said the bridge would be rebuilt within a year.',
  ]);
  const JOE = [
    EARLIER,
    joe(10, 'the jobs report showed the economy was still growing'),
    joe(11, 'the new border funding deal was the toughest in decades'),
    joe(12, 'the rail strike had to be averted for the sake of the economy'),
    joe(13, 'the chip factories would bring thousands of jobs to Arizona'),
    joe(14, 'the ceasefire talks in Cairo had made real progress'),
  ];

  it('gives the one who dominates, with the surname-only statements, and names the others once', async () => {
    app = createTestApp(NOW.toISOString());
    app.ingester.ingestArticles([JILL, JAMES, SURNAME_ONLY, ...JOE]);
    const answer = await answerLine('/who biden', app.dispatch, app.services.commands);
    const view = buildWho(app.store, 'biden', NOW, { pageSize: 50 });
    expect(view.person?.name).toBe('Joe Biden');
    expect(view.others.sort()).toEqual(['James Biden', 'Jill Biden']);
    const texts = view.statements.map((statement) => statement.text).join('\n');
    expect(texts).toMatch(/ready to send any help Japan needed/);
    expect(texts).toMatch(/jobs report/);
    expect(view.person?.statements).toBe(view.statements.length);
    // An old title is another office: "President" is never folded into "Vice President".
    expect(view.person?.roles.slice(0, 2)).toEqual(['President', 'Vice President']);
    const notices = answer.reply.blocks.filter((block) => block.type === 'notice');
    expect(notices).toHaveLength(1);
    expect(JSON.stringify(notices[0])).toMatch(/Jill Biden, James Biden|James Biden, Jill Biden/);
    // Asked with a topic, the notice names the name asked, not the whole line.
    const onTopic = await answerLine('/who biden economy', app.dispatch, app.services.commands);
    const notice = onTopic.reply.blocks.find((block) => block.type === 'notice');
    expect(JSON.stringify(notice)).toMatch(/Others called biden: /);
  });

  it('reads the registry again once the corpus grows: an answer kept from before is not reused', () => {
    app = createTestApp(NOW.toISOString());
    app.ingester.ingestArticles([JILL, JAMES]);
    expect(buildWho(app.store, 'biden', NOW).candidates).toHaveLength(2);
    expect(() => buildWho(app.store, 'kirby', NOW)).toThrow(/No one called "kirby"/);
    const before = directoryOf(app.store).forCommand();
    app.ingester.ingestArticles([SURNAME_ONLY, ...JOE]);
    // A briefing's reader, made as its command started, sees the corpus of that moment...
    expect(before.resolve('biden').status).toBe('ambiguous');
    // ...and the next command's sees the new reports.
    const after = directoryOf(app.store).forCommand().resolve('biden');
    expect(after.status === 'found' && after.person.name).toBe('Joe Biden');
    const view = buildWho(app.store, 'biden', NOW, { pageSize: 50 });
    expect(view.person?.name).toBe('Joe Biden');
    // The card is read again too: the count covers the statements stored since.
    expect(view.person?.statements).toBe(view.statements.length);
    expect(view.statements.length).toBeGreaterThan(5);
  });

  it('still asks when no namesake dominates', () => {
    app = createTestApp(NOW.toISOString());
    app.ingester.ingestArticles([JILL, JAMES]);
    const view = buildWho(app.store, 'biden', NOW);
    expect(view.person).toBeNull();
    expect(view.candidates.sort()).toEqual(['James Biden', 'Jill Biden']);
  });
});
