import { describe, expect, it } from 'vitest';
import { emptyAnalysis, type Analysis } from '../../src/analysis/analysis.ts';
import { analyzeArticle } from '../../src/analysis/analyze.ts';
import { peopleMigrations } from '../../src/analysis/people/migrations.ts';
import { createPeopleDirectory } from '../../src/analysis/people/directory.ts';
import { actorsFor, createNameLookup } from '../../src/briefing/actors.ts';
import { openDatabase } from '../../src/corpus/store/database.ts';
import { corpusMigrations } from '../../src/corpus/store/migrations.ts';
import { buildBriefing } from '../../src/briefing/briefing-view.ts';
import { UNKNOWN_ESCALATION } from '../../src/briefing/escalation.ts';
import { createSqliteStore } from '../../src/corpus/store/store.ts';
import { rankAcrossStories } from '../../src/briefing/multi-summary.ts';
import { foldSyndicated } from '../../src/briefing/syndication.ts';
import { tellingQuotes } from '../../src/briefing/telling-quotes.ts';
import type { WindowArticle } from '../../src/briefing/window-articles.ts';

let counter = 0;

function item(
  title: string,
  body: string,
  outlet: string,
  published: string,
  analysis: Analysis | null = null,
): WindowArticle {
  counter++;
  return {
    article: {
      id: `a${counter}`,
      title,
      body,
      outlet,
      url: null,
      published,
      tags: [],
      lang: 'en',
      origin: 'test',
      ingested: published,
    },
    analysis,
  };
}

const shared =
  'NATO said on Saturday it would send additional troops to its KFOR peacekeeping mission in northern Kosovo.';

describe('foldSyndicated', () => {
  it('folds a wire copy under another headline and keeps distinct reports apart', () => {
    const wire = `${shared} The decision followed a week of tension along the boundary with Serbia, officials said. Britain offered a battalion of about 600 soldiers to the mission.`;
    const groups = foldSyndicated([
      item('NATO sends more troops to Kosovo', wire, 'Wire A', '2023-09-30T10:00:00Z'),
      item(
        'Alliance reinforces KFOR',
        wire.replace('600', 'six hundred'),
        'Paper B',
        '2023-09-30T11:00:00Z',
      ),
      item(
        'Serbia cuts troops near border',
        'Serbia said it was reducing the number of troops deployed near the boundary with Kosovo to 4,500.',
        'Paper C',
        '2023-10-01T09:00:00Z',
      ),
    ]);
    expect(groups.map((group) => group.items.length)).toEqual([2, 1]);
    expect(groups[0]!.outlets).toBe(2);
  });
});

describe('rankAcrossStories', () => {
  it('merges a sentence two stories state into one that cites both', () => {
    const groups = foldSyndicated([
      item(
        'NATO reinforcement',
        `${shared} Germany said it would consider sending soldiers as well. Berlin expects a decision from the Bundestag next month. The German contingent already numbers several hundred.`,
        'Wire A',
        '2023-09-30T10:00:00Z',
      ),
      item(
        'Serbia warned',
        `${shared.replace('Saturday', 'Saturday,')} Serbia's army chief warned against provocations in the border area. Belgrade denied moving heavy weapons. Local residents reported calm streets in Mitrovica.`,
        'Paper B',
        '2023-09-30T12:00:00Z',
      ),
      item(
        'Talks stall',
        'EU mediators said talks between Belgrade and Pristina had stalled again in Brussels this week.',
        'Paper C',
        '2023-09-29T09:00:00Z',
      ),
    ]);
    expect(groups).toHaveLength(3);
    const ranked = rankAcrossStories(groups);
    const merged = ranked.find((sentence) => sentence.text.startsWith('NATO said on Saturday'));
    expect(merged?.groups.sort()).toEqual([groups[0]!.key, groups[1]!.key].sort());
    const texts = ranked.map((sentence) => sentence.text.replace(',', ''));
    expect(new Set(texts).size).toBe(texts.length);
    expect(ranked[0]!.text).toMatch(/^EU mediators/);
  });
});

describe('rankAcrossStories with a topic', () => {
  it('takes no opening from a body written as one paragraph that names the topic far below', () => {
    const filler =
      'The two leaders met again in the capital to talk about trade, tariffs and ports. '.repeat(
        20,
      );
    const body =
      'In 1996, Soltra faced a critical election for prime minister after a long campaign. ' +
      filler +
      'A year later an attempt was made on the life of an exiled leader in Kessen.';
    const news = 'Rockets hit the port of Kessen on Monday, and two dockers were wounded there.';
    const ranked = (bodies: string[]) =>
      rankAcrossStories(
        foldSyndicated(
          bodies.map((text, n) => item(`Report ${n}`, text, `Radio ${n}`, '2023-09-26T10:00:00Z')),
        ),
        { terms: ['kessen'] },
      ).map((sentence) => sentence.text);
    expect(ranked([body, news])).toEqual([news]);
    // With nothing else on the topic, the long body's opening still says what the week holds.
    expect(ranked([body])).toContainEqual(expect.stringMatching(/^In 1996/));
  });
});

describe('rankAcrossStories on a week of war', () => {
  const analysed = (title: string, body: string, outlet: string, published: string) =>
    item(title, body, outlet, published, analyzeArticle({ title, body, published }));

  it('quotes no sentence that needs its article to be understood', () => {
    const groups = foldSyndicated([
      item(
        'Gaggle',
        'You also know that he met today with the president of Soltra. He said the talks on ' +
          'the border crossings in Kessen went well. The envoy to Soltra announced new aid ' +
          'for the displaced families of Kessen on Friday.',
        'Transcript',
        '2023-09-26T10:00:00Z',
      ),
    ]);
    expect(rankAcrossStories(groups).map((sentence) => sentence.text)).toEqual([
      'The envoy to Soltra announced new aid for the displaced families of Kessen on Friday.',
    ]);
  });

  it('quotes no speaker’s "Look, I ..." or "So we ...", which say nothing out of the room', () => {
    const groups = foldSyndicated([
      item(
        'Gaggle',
        'Look, I just wanted to reiterate some things we have been saying about Kessen for ' +
          'days. So, we are still watching the crossings into Kessen very closely. The envoy ' +
          'to Soltra announced new aid for the displaced families of Kessen on Friday.',
        'Transcript',
        '2023-09-26T10:00:00Z',
      ),
    ]);
    expect(rankAcrossStories(groups).map((sentence) => sentence.text)).toEqual([
      'The envoy to Soltra announced new aid for the displaced families of Kessen on Friday.',
    ]);
  });

  it('summarises with no question, such as a subtitle run into the first paragraph', () => {
    const groups = foldSyndicated([
      item(
        'Victory',
        'What will it take for the army to declare its mission in Kessen accomplished?' +
          'The prime minister of Soltra has promised that the offensive in Kessen will go on ' +
          'until victory. Officials in Kessen counted twelve destroyed bridges on Friday.',
        'Wire',
        '2024-01-11T10:00:00Z',
      ),
    ]);
    const texts = rankAcrossStories(groups).map((sentence) => sentence.text);
    expect(texts).toContain(
      'The prime minister of Soltra has promised that the offensive in Kessen will go on until victory.',
    );
    expect(texts.join(' ')).not.toMatch(/\?/);
  });

  it('picks the deadly report over a calm one in the same words', () => {
    // Four picks from five leads: one of the two Zvečan sentences must go, and the snowy week's
    // coverage makes the calm one the more central.
    const groups = foldSyndicated([
      analysed(
        'Roads',
        'Police officers cleared three roads near Zvečan on Sunday after the snow.',
        'Paper A',
        '2023-09-24T09:00:00Z',
      ),
      analysed(
        'Ambush',
        'ZVEČAN, Kosovo — Gunmen killed three police officers near Zvečan on Sunday.',
        'Wire B',
        '2023-09-24T10:00:00Z',
      ),
      analysed(
        'Snow',
        'Snow closed roads in northern Kosovo, police officers said on Monday.',
        'Paper C',
        '2023-09-25T09:00:00Z',
      ),
      analysed(
        'Budget',
        'The Kosovo parliament approved money for snow ploughs and roads on Monday.',
        'Paper D',
        '2023-09-25T10:00:00Z',
      ),
      analysed(
        'Schools',
        'Schools in northern Kosovo stayed shut after the snow, officials said on Tuesday.',
        'Paper E',
        '2023-09-26T09:00:00Z',
      ),
    ]);
    const texts = rankAcrossStories(groups, undefined, 4).map((sentence) => sentence.text);
    // The dateline says where the report was filed: the sentence reads without it.
    expect(texts).toContain('Gunmen killed three police officers near Zvečan on Sunday.');
    expect(texts.join(' ')).not.toContain('cleared three roads');
  });
});

describe('actors and quotes', () => {
  it('counts people across stories and picks one quote per speaker', () => {
    const body =
      '"We will not allow anyone to destabilise the north of Kosovo," Kurti said on Sunday evening.';
    const analysis = (speaker: string, text: string): Analysis => ({
      ...emptyAnalysis(),
      entities: [
        { type: 'PERSON', canonical: 'Albin Kurti', start: 0, end: 5, text: 'Kurti' },
        { type: 'PERSON', canonical: speaker, start: 0, end: 5, text: speaker },
        { type: 'PLACE', canonical: 'Kosovo', start: 0, end: 6, text: 'Kosovo' },
      ],
      quotes: [
        {
          kind: 'direct',
          content: { start: 1, end: 1 + text.length, text },
          source: null,
          speaker,
          cue: null,
        },
        {
          kind: 'indirect',
          content: { start: 0, end: 5, text: 'that the north was calm and would stay calm' },
          source: null,
          speaker: 'Josep Borrell',
          cue: null,
        },
      ],
    });
    const groups = foldSyndicated([
      item(
        'One',
        body,
        'A',
        '2023-09-24T10:00:00Z',
        analysis('Albin Kurti', 'We will not allow anyone to destabilise the north of Kosovo'),
      ),
      item(
        'Two',
        'A different report about Serbia and the border, with quotes.',
        'B',
        '2023-09-25T10:00:00Z',
        analysis('Aleksandar Vucic', 'Serbia does not want war and never wanted war'),
      ),
    ]);
    const actors = actorsFor(groups, createNameLookup(emptyPeople()));
    expect(actors[0]).toEqual({ name: 'Albin Kurti', role: null, mentions: 2 });
    const quotes = tellingQuotes(
      groups,
      actors.map((actor) => actor.name),
    );
    expect(quotes.map((quote) => quote.speaker)).toEqual(['Albin Kurti', 'Aleksandar Vucic']);
    expect(quotes[1]!.group).toBe(groups[1]!.key);
  });

  it('takes from a report that only turns to the topic further down its quotes that name it', () => {
    const transcript = item(
      'Press Briefing by the Press Secretary',
      'Good afternoon, everybody. I have a couple of things at the top, and then we will take questions.',
      'White House',
      '2024-05-03T18:00:00Z',
      {
        ...emptyAnalysis(),
        quotes: [
          direct('John Kirby', 'France is a vital global partner and our oldest ally in the world'),
          direct(
            'Karine Jean-Pierre',
            'we will keep sending air defence to Ukraine for as long as it takes',
          ),
        ],
      },
    );
    const report = item(
      'Ukraine says Russian drones hit Kyiv overnight',
      'Russian drones struck Kyiv overnight, officials said.',
      'B',
      '2024-05-03T08:00:00Z',
      {
        ...emptyAnalysis(),
        quotes: [direct('Vitali Klitschko', 'the capital came under a massive attack overnight')],
      },
    );
    const about = (text: string) => /ukrain|kyiv/i.test(text);
    const quotes = tellingQuotes(foldSyndicated([transcript, report]), [], undefined, about);
    expect(quotes.map((quote) => quote.speaker).sort()).toEqual([
      'Karine Jean-Pierre',
      'Vitali Klitschko',
    ]);
  });

  it('takes from a long turn of a transcript its sentence on the topic', () => {
    const turn =
      'Well, as Karine said, I have just a couple of comments here at the top about the state ' +
      'visit, which is an opportunity to highlight our alliances. France is a vital global ' +
      'partner and our oldest ally. If you look at what is going on in Ukraine, France is at ' +
      'the centre of all those things. Our cultural ties remain a source of strength, and ' +
      'France remains a top destination for many Americans and the other way round.';
    const transcript = item(
      'Press Briefing by the Press Secretary',
      'Good afternoon, everybody.',
      'White House',
      '2022-11-28T18:00:00Z',
      { ...emptyAnalysis(), quotes: [direct('John Kirby', turn)] },
    );
    const about = (text: string) => /ukrain/i.test(text);
    expect(tellingQuotes(foldSyndicated([transcript]), [], undefined, about)).toMatchObject([
      {
        speaker: 'John Kirby',
        text: 'If you look at what is going on in Ukraine, France is at the centre of all those things.',
      },
    ]);
  });

  it('quotes no sentence a speaker restarts, and takes the next that names the topic', () => {
    const turn =
      'And so, look, the three doctors — there were three doctors who returned from Gaza and ' +
      'met the President this week. The commitment he made on — in continuing that engagement ' +
      'with communities hurt by the war in Gaza stands. That’s why his team is having conversat- ' +
      '— conversations with the Israeli government on Gaza. Aid to Gaza will rise through two ' +
      'more crossings that open this week.';
    const transcript = item(
      'Press Briefing by the Press Secretary',
      'Good afternoon, everybody.',
      'White House',
      '2024-04-04T18:00:00Z',
      { ...emptyAnalysis(), quotes: [direct('Karine Jean-Pierre', turn)] },
    );
    const about = (text: string) => /gaza/i.test(text);
    expect(tellingQuotes(foldSyndicated([transcript]), [], undefined, about)).toMatchObject([
      {
        speaker: 'Karine Jean-Pierre',
        text: 'Aid to Gaza will rise through two more crossings that open this week.',
      },
    ]);
    // A short quote that restarts gives its fluent sentence on the topic, if it has one.
    const short = item('Press Gaggle', 'Good morning.', 'White House', '2022-06-15T18:00:00Z', {
      ...emptyAnalysis(),
      quotes: [
        direct(
          'John Kirby',
          'And — and a big item on the agenda is the war in Gaza. That is thousands of lives in Gaza.',
        ),
      ],
    });
    expect(tellingQuotes(foldSyndicated([short]), [], undefined, about)).toMatchObject([
      { text: 'That is thousands of lives in Gaza.' },
    ]);
  });

  it('counts from a report that only turns to the topic further down the people it names near the topic', () => {
    const filler = ' We have a busy week ahead, and a lot to cover today.'.repeat(20);
    const body = `Good afternoon. Secretary Walsh joins us to talk about jobs.${filler} Asked about Ukraine, Kirby said the next package of air defence was ready.`;
    const person = (name: string, text: string) => {
      const start = body.indexOf(text);
      return { type: 'PERSON' as const, canonical: name, start, end: start + text.length, text };
    };
    const groups = foldSyndicated([
      item('Press Briefing by the Press Secretary', body, 'White House', '2024-05-03T18:00:00Z', {
        ...emptyAnalysis(),
        entities: [person('Marty Walsh', 'Walsh'), person('John Kirby', 'Kirby')],
      }),
    ]);
    const about = (text: string) => /ukrain/i.test(text);
    const names = (found: { name: string }[]) => found.map((actor) => actor.name);
    expect(names(actorsFor(groups, createNameLookup(emptyPeople()), about))).toEqual([
      'John Kirby',
    ]);
    // The same report with a title on the topic is about it: everyone it names counts.
    const titled = foldSyndicated([
      {
        ...groups[0]!.items[0]!,
        article: { ...groups[0]!.items[0]!.article, title: 'Ukraine aid' },
      },
    ]);
    expect(names(actorsFor(titled, createNameLookup(emptyPeople()), about)).sort()).toEqual([
      'John Kirby',
      'Marty Walsh',
    ]);
  });

  it('counts the issuer of a statement on the topic among its people, though its body names no one', () => {
    const statement = (title: string) =>
      foldSyndicated([
        item(
          title,
          'Our forces struck targets in Iraq and Syria.',
          'White House',
          '2024-02-02T22:00:00Z',
          {
            ...emptyAnalysis(),
            issuer: { name: 'Joe Biden', role: 'President' },
          },
        ),
      ]);
    const about = (text: string) => /syria/i.test(text);
    const lookUp = createNameLookup(emptyPeople());
    expect(actorsFor(statement('Statement on Strikes in Syria'), lookUp, about)).toEqual([
      { name: 'Joe Biden', role: null, mentions: 1 },
    ]);
    expect(
      actorsFor(statement('Statement on the Budget'), lookUp, (text) => /jordan/i.test(text)),
    ).toEqual([]);
  });

  it('credits no telling quote to a document ("according to the report") or an unnamed speaker', () => {
    const groups = foldSyndicated([
      item('One', 'A survey of press freedom in the region.', 'A', '2024-05-03T10:00:00Z', {
        ...emptyAnalysis(),
        quotes: [
          direct('report', 'a steady tightening of the grip on news and information'),
          direct('UN report', 'famine conditions are spreading faster than aid can reach them'),
          direct('Lena Brandt', 'we cannot report from places we are not allowed to enter'),
          direct('government', 'working around the clock to get those who want to leave out'),
        ],
      }),
    ]);
    expect(tellingQuotes(groups, []).map((quote) => quote.speaker)).toEqual(['Lena Brandt']);
  });

  it('takes no telling quote of what only the cue model read as said ("approved")', () => {
    const groups = foldSyndicated([
      item('One', 'Plans for the north.', 'A', '2024-07-17T10:00:00Z', {
        ...emptyAnalysis(),
        quotes: [
          {
            ...direct('IDF', 'operational plans for an offensive in Lebanon a month ago'),
            learned: true,
          },
          direct('Yoav Kish', 'Lebanon would be annihilated and sent back to the stone age'),
        ],
      }),
    ]);
    expect(tellingQuotes(groups, []).map((quote) => quote.speaker)).toEqual(['Yoav Kish']);
  });

  it('takes no telling quote that a web page glued link titles into', () => {
    const groups = foldSyndicated([
      item('One', 'Protests in Washington.', 'A', '2024-07-23T10:00:00Z', {
        ...emptyAnalysis(),
        quotes: [
          direct(
            'Joe Biden',
            'raceIsrael\'s PM walks tightrope as US urges Gaza "ceasefire deal" now',
          ),
          direct('Bernie Sanders', 'he would skip the speech in protest at the "total war"'),
        ],
      }),
    ]);
    expect(tellingQuotes(groups, []).map((quote) => quote.speaker)).toEqual(['Bernie Sanders']);
  });

  it('shows a mixed quote without the "that" of the cue it leaves out, and none that opens with its object', () => {
    const groups = foldSyndicated([
      item('One', 'Blinken in the region.', 'A', '2024-05-01T10:00:00Z', {
        ...emptyAnalysis(),
        quotes: [
          direct('Antony Blinken', 'that "the time is now" for a deal to bring about a ceasefire'),
        ],
      }),
    ]);
    expect(tellingQuotes(groups, []).map((quote) => quote.text)).toEqual([
      '"the time is now" for a deal to bring about a ceasefire',
    ]);
    const called = foldSyndicated([
      item('Two', 'Biden and the plan.', 'A', '2024-06-10T10:00:00Z', {
        ...emptyAnalysis(),
        quotes: [
          direct(
            'Joe Biden',
            'it Israel\'s proposal, and the text is "nearly identical" to the last',
          ),
          direct('Jake Sullivan', 'it was "a good day" for the talks in Doha and for the region'),
        ],
      }),
    ]);
    expect(tellingQuotes(called, []).map((quote) => quote.speaker)).toEqual(['Jake Sullivan']);
  });

  it('returns nothing when no analysis names anyone', () => {
    const groups = foldSyndicated([
      item('One', 'Text about Kosovo and the border police.', 'A', '2023-09-24T10:00:00Z'),
    ]);
    expect(actorsFor(groups, createNameLookup(emptyPeople()))).toEqual([]);
    expect(tellingQuotes(groups, [])).toEqual([]);
  });
});

/** A direct quote of the analysis, spanning its whole text. */
function direct(speaker: string, text: string) {
  return {
    kind: 'direct' as const,
    content: { start: 0, end: text.length, text },
    source: null,
    speaker,
    cue: null,
  };
}

/** A registry that knows nobody: names stay as the analysis wrote them. */
function emptyPeople() {
  return createPeopleDirectory(
    openDatabase(':memory:', [...corpusMigrations, ...peopleMigrations]),
  );
}

describe('without event analysis', () => {
  it('shows escalation and severity as unknown, one development per report', () => {
    // A store without the story index: nothing has scored the reports.
    const store = createSqliteStore(
      openDatabase(':memory:', [...corpusMigrations, ...peopleMigrations]),
    );
    store.addArticle(
      {
        title: 'Clashes reported near the border crossing',
        body: 'Kosovo police reported clashes near the Jarinje border crossing on Monday.',
        outlet: 'A',
        url: null,
        published: '2023-09-24T10:00:00Z',
        tags: [],
        lang: 'en',
        origin: 'test',
      },
      emptyAnalysis(),
    );
    const { view } = buildBriefing(store, 'kosovo', new Date('2023-09-25T00:00:00Z'));
    expect(view.escalation).toEqual(UNKNOWN_ESCALATION);
    expect(view.developments.map((item) => item.severity)).toEqual([null]);
    store.close();
  });
});
