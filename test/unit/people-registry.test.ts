import { afterEach, describe, expect, it } from 'vitest';
import type { WhoView } from '../../src/briefing/who-view.ts';
import { ErrorId } from '../../src/core/errors.ts';
import type { App } from '../../src/main.ts';
import { answerLine } from '../../src/platforms/console/repl.ts';
import { createTestApp } from '../helpers/app.ts';
import { article } from '../helpers/articles.ts';

let app: App;
afterEach(() => app.close());

function ingest(...bodies: string[]): void {
  app.ingester.ingestArticles(
    bodies.map((body, index) =>
      article({
        title: `Story ${index}: ${body.slice(0, 30)}`,
        body,
        url: `https://balkanwire.example.com/story-${index}`,
        published: new Date(Date.UTC(2023, 8, 10, 8) + index * 86_400_000).toISOString(),
      }),
    ),
  );
}

async function who(line: string) {
  return answerLine(line, app.dispatch, app.services.commands);
}

describe('people registry', () => {
  it('folds diacritics: Vucic and Vučić are one person shown with the diacritics', async () => {
    app = createTestApp();
    ingest(
      'Serbian President Aleksandar Vucic said that Serbia wanted peace in the region.',
      'Aleksandar Vučić said that the army would withdraw from the border.',
    );
    const answer = await who('/who vucic');
    const view = answer.data as WhoView;
    expect(view.person?.name).toBe('Aleksandar Vučić');
    expect(view.person?.roles).toContain('Serbian President');
    expect(view.statements.map((statement) => statement.text)).toEqual([
      'that the army would withdraw from the border',
      'that Serbia wanted peace in the region',
    ]);
    expect(((await who('/who Vučić')).data as WhoView).person?.name).toBe('Aleksandar Vučić');
  });

  it('lists no statement that only says where, when or to whom someone spoke, or has no subject', async () => {
    app = createTestApp();
    ingest(
      'Kosovo police closed the crossing. Major Ilir Daci told the Kosovo Online portal.',
      'Ilir Daci said in a statement. The statement was read out on radio.',
      'Shots were fired at the patrol. Ilir Daci told the BBC regarding the latest attack.',
      'Ilir Daci found his brother in the rubble. Later Ilir Daci showed me around the hospital.',
      'Ilir Daci found that the patrol had been ambushed.',
      'Ilir Daci said the crossing at Jarinje would reopen on Monday.',
      'The toll, a figure which Ilir Daci says is not final, rose on Tuesday.',
    );
    const view = (await who('/who ilir daci')).data as WhoView;
    expect(view.statements.map((statement) => statement.text).sort()).toEqual([
      'that the patrol had been ambushed',
      'the crossing at Jarinje would reopen on Monday',
    ]);
  });

  it('shows a direct quote once opened, when the page doubled its opening mark', async () => {
    app = createTestApp();
    ingest(
      'Spokesman Ilir Daci spoke to reporters. ""We expect them to be fully transparent about the strike," he said.',
    );
    const view = (await who('/who ilir daci')).data as WhoView;
    expect(view.statements.map((statement) => statement.text)).toEqual([
      '"We expect them to be fully transparent about the strike,"',
    ]);
  });

  it('merges a surname seen first into the full name that arrives later', async () => {
    app = createTestApp();
    ingest(
      'Kirby said the troops must leave the border area at once.',
      'John Kirby said that Washington was watching the deployment closely.',
    );
    const view = (await who('/who kirby')).data as WhoView;
    expect(view.person?.name).toBe('John Kirby');
    expect(view.person?.aliases).toContain('Kirby');
    expect(view.statements).toHaveLength(2);
    expect(view.statements[1]!.text).toBe('the troops must leave the border area at once');
  });

  it('keeps a surname that held an office apart from a full name no article ties to it', async () => {
    app = createTestApp();
    ingest(
      'President Obama said that the sanctions would stay in place for a year.',
      'President Obama said that the envoy would travel to the region in March.',
      'Michelle Obama said that the school had reopened after the storm.',
      'Barack Obama said that the talks deserved another chance.',
    );
    const michelle = (await who('/who michelle obama')).data as WhoView;
    expect(michelle.person?.roles).toEqual([]);
    expect(michelle.statements.map((statement) => statement.text)).toEqual([
      'that the school had reopened after the storm',
    ]);
    // Neither full name holds the office: the surname alone answers, with both offered.
    const obama = (await who('/who obama')).data as WhoView;
    expect(obama.person?.name).toBe('Obama');
    expect(obama.person?.roles).toEqual(['President']);
    expect(obama.others.sort()).toEqual(['Barack Obama', 'Michelle Obama']);
  });

  it('folds such a surname into the full name an article gives its office or calls by it', async () => {
    app = createTestApp();
    ingest(
      'Hamas leader Sinwar said that the hostages would not be freed without a truce.',
      'Yahya Sinwar said that the fighters were ready.',
      'Hamas’s Gaza leader Yahya Sinwar said that the group would accept a pause.',
      'President Biden said that aid must reach Gaza.',
      'Joe Biden said that the aid deal was close. Biden added that trucks would cross this week.',
    );
    const sinwar = (await who('/who sinwar')).data as WhoView;
    expect(sinwar.person?.name).toBe('Yahya Sinwar');
    expect(sinwar.statements).toHaveLength(3);
    const biden = (await who('/who biden')).data as WhoView;
    expect(biden.person?.name).toBe('Joe Biden');
    expect(biden.person?.roles).toEqual(['President']);
    expect(biden.statements).toHaveLength(3);
  });

  it('gives a surname long in office only to a full name of that office, not to one called by it', async () => {
    app = createTestApp();
    ingest(
      'Speaker Johnson said that the vote on the aid bill would come next week.',
      'Speaker Johnson said that the House would not pass the bill as written.',
      'Speaker Johnson said that the talks with the Senate had stalled.',
      'Congresswoman Eddie Bernice Johnson said that the hospital would stay open. Johnson said ' +
        'that she would retire in the spring.',
      'House Speaker Mike Johnson said that the chamber would vote on Friday.',
    );
    const eddie = (await who('/who eddie bernice johnson')).data as WhoView;
    expect(eddie.person?.roles).toEqual(['Congresswoman']);
    const mike = (await who('/who mike johnson')).data as WhoView;
    expect(mike.person?.roles).toContain('House Speaker');
    expect(mike.statements).toHaveLength(4);
  });

  it('answers a surname kept apart with the only full name that carries it', async () => {
    app = createTestApp();
    ingest(
      'Leader Jeffries said that the vote would come next week.',
      'Hakeem Jeffries said that the bill had the votes to pass.',
    );
    const view = (await who('/who jeffries')).data as WhoView;
    expect(view.person?.name).toBe('Hakeem Jeffries');
    expect(view.statements).toHaveLength(2);
    expect(view.person?.statements).toBe(2);
    expect(view.person?.firstSeen).toBe('2023-09-10T08:00:00.000Z');
  });

  it('gives a card as of the clock when the corpus runs past it', async () => {
    app = createTestApp('2023-09-11T12:00:00.000Z');
    ingest(
      'John Kirby said that the talks would resume.',
      'John Kirby said that the envoy had landed.',
      'John Kirby said that the ceasefire had broken down.',
    );
    const view = (await who('/who kirby')).data as WhoView;
    expect(view.person?.statements).toBe(2);
    expect(view.person?.firstSeen).toBe('2023-09-10T08:00:00.000Z');
    expect(view.person?.lastSeen).toBe('2023-09-11T08:00:00.000Z');
    expect(view.statements.map((statement) => statement.text)).toEqual([
      'that the envoy had landed',
      'that the talks would resume',
    ]);
  });

  it('reads "Ben Gvir" as the surname of the Itamar Ben-Gvir it knows, not as a man called Ben', async () => {
    app = createTestApp();
    ingest(
      'National Security Minister Itamar Ben-Gvir said that the government must not stop the war.',
      'Mr Ben Gvir said that he would leave the coalition if the deal went ahead.',
    );
    const view = (await who('/who ben gvir')).data as WhoView;
    expect(view.person?.name).toBe('Itamar Ben-Gvir');
    expect(view.statements).toHaveLength(2);
  });

  it('knows one Arabic name under its spellings, and counts each statement once', async () => {
    app = createTestApp();
    ingest(
      "Qatar's Prime Minister Sheikh Mohammed bin Abdulrahman al-Thani said that the talks " +
        'were in a delicate phase. Al Thani said that Doha would not give up.',
      'Mohammed bin Abdul Rahman Al Thani said that mediation had been abused.',
      'Sheikh Mohammed bin Abdulrahman bin Jassim Al Thani said that a deal was near.',
      'Emir Tamim bin Hamad Al Thani said that Qatar would go on mediating.',
    );
    const view = (await who('/who mohammed bin abdulrahman al-thani')).data as WhoView;
    expect(view.person?.name).toBe('Mohammed bin Abdulrahman al-Thani');
    expect(view.person?.roles).toEqual(["Qatar's Prime Minister"]);
    expect(view.person?.statements).toBe(4);
    expect(view.statements).toHaveLength(4);
    const emir = (await who('/who tamim bin hamad al thani')).data as WhoView;
    expect(emir.person?.name).toBe('Tamim bin Hamad Al Thani');
  });

  it('knows a long given name misspelt, or in its French form', async () => {
    app = createTestApp();
    ingest(
      'UNRWA chief Philippe Lazzarini said that the agency was at breaking point.',
      'Phillipe Lazzarini said that aid trucks were waiting at the crossing.',
      'Philip Lazzarini said that the schools had been hit.',
    );
    const view = (await who('/who lazzarini')).data as WhoView;
    expect(view.person?.name).toBe('Philippe Lazzarini');
    expect(view.statements).toHaveLength(3);
    expect(view.others).toEqual([]);
  });

  it('shows the capitalised spelling of a role, whichever came first, and "for" in lower case', async () => {
    app = createTestApp();
    ingest(
      'US president Joe Biden said that the talks would go on.',
      'US President Joe Biden said that the aid would reach Gaza.',
      'NSC Coordinator For Strategic Communications John Kirby said that the aid would go.',
    );
    const view = (await who('/who biden')).data as WhoView;
    expect(view.person?.roles).toEqual(['US President']);
    const kirby = (await who('/who kirby')).data as WhoView;
    expect(kirby.person?.roles).toEqual(['NSC Coordinator for Strategic Communications']);
  });

  it('keeps a bare surname apart when one article names two people who carry it', async () => {
    app = createTestApp();
    ingest(
      'Bondarenko said the convoy had turned back at the border. Hours later, Iryna Bondarenko ' +
        'said that the talks would resume on Monday. Dmytro Bondarenko said that no date was set.',
    );
    expect(app.store.count()).toBe(1);
    const bare = (await who('/who bondarenko')).data as WhoView;
    expect(bare.statements.map((statement) => statement.text)).toEqual([
      'the convoy had turned back at the border',
    ]);
    const iryna = (await who('/who iryna bondarenko')).data as WhoView;
    expect(iryna.statements.map((statement) => statement.text)).toEqual([
      'that the talks would resume on Monday',
    ]);
  });

  it('keeps a surname addressed as a woman apart from the one man who carries it', async () => {
    app = createTestApp();
    ingest(
      'Labour leader Keir Starmer said the party backed a ceasefire. Mr Starmer said aid must reach Gaza.',
      'Three people were found guilty over a protest at Sir Keir\'s home. Lady Starmer said: "I felt a bit sick."',
      'Senator Hillary Clinton visited Pristina. Mrs Clinton said the talks must go on.',
      'Mr Clinton said the vote in Kosovo mattered to the region.',
    );
    const keir = (await who('/who starmer')).data as WhoView;
    expect(keir.person?.name).toBe('Keir Starmer');
    expect(keir.statements.map((statement) => statement.text).join(' ')).not.toContain('sick');
    const lady = (await who('/who lady starmer')).data as WhoView;
    expect(lady.person?.name).toBe('Lady Starmer');
    expect(lady.statements.map((statement) => statement.text)).toEqual(['"I felt a bit sick."']);
    const hillary = (await who('/who hillary clinton')).data as WhoView;
    expect(hillary.statements.map((statement) => statement.text)).toEqual(['the talks must go on']);
    const mr = (await who('/who mr clinton')).data as WhoView;
    expect(mr.statements.map((statement) => statement.text)).toEqual([
      'the vote in Kosovo mattered to the region',
    ]);
  });

  it('shows a statement without the link titles a web page glued onto it', async () => {
    app = createTestApp();
    ingest(
      'Jill Stein told local media that the arrests were a "really bad look" for the ' +
        'institutionProtesters at Yale University set up a new encampment after a previous one.',
    );
    const view = (await who('/who stein')).data as WhoView;
    expect(view.statements.map((statement) => statement.text)).toEqual([
      'local media that the arrests were a "really bad look" for the institution',
    ]);
  });

  it('keeps a statement repeated by a syndicated copy once', async () => {
    app = createTestApp();
    ingest(
      'Albin Kurti said that Kosovo would not be intimidated by anyone.',
      'In Pristina, Albin Kurti said that Kosovo would not be intimidated by anyone.',
    );
    const view = (await who('/who kurti')).data as WhoView;
    expect(view.statements).toHaveLength(1);
    expect(view.person?.statements).toBe(1);
  });

  it('offers candidates when two people share a surname', async () => {
    app = createTestApp();
    ingest(
      'Bill Clinton said the talks in Dayton were useful for everyone.',
      'Hillary Clinton said the vote in Kosovo mattered to the region.',
    );
    const answer = await who('/who clinton');
    const view = answer.data as WhoView;
    expect(answer.outcome).toBe('ok');
    expect(view.person).toBeNull();
    expect([...view.candidates].sort()).toEqual(['Bill Clinton', 'Hillary Clinton']);
    expect(answer.reply.actions?.map((action) => action.commandLine)).toContain(
      '/who "Bill Clinton"',
    );
    expect(((await who('/who hillary clinton')).data as WhoView).person?.name).toBe(
      'Hillary Clinton',
    );
  });

  it('answers an unknown name with the closest known names', async () => {
    app = createTestApp();
    ingest(
      'John Kirby said that Washington was watching the deployment closely.',
      'Volodymyr Zelenskyy said that Ukraine needed more air defence.',
    );
    const answer = await who('/who kirbi');
    expect(answer.errorId).toBe(ErrorId.UnknownPerson);
    const nothing = await who('/who zzyzx');
    expect(nothing.errorId).toBe(ErrorId.UnknownPerson);
    // A longer name one letter off a single person's is theirs, spelt as the corpus spells it.
    expect(((await who('/who zelensky')).data as WhoView).person?.name).toBe('Volodymyr Zelenskyy');
    expect(((await who('/who volodymyr zelensky')).data as WhoView).person?.name).toBe(
      'Volodymyr Zelenskyy',
    );
    expect(
      answer.reply.blocks.map((block) => ('text' in block ? block.text : '')).join(' '),
    ).toContain('John Kirby');
  });

  it('pages statements with a "more" action and narrows them by topic', async () => {
    app = createTestApp();
    ingest(
      ...Array.from(
        { length: 12 },
        (_, index) =>
          `Albin Kurti said that Kosovo police would stay in Zvecan for ${index + 2} more weeks.`,
      ),
      'Albin Kurti said that Armenia and Azerbaijan should talk about Karabakh peace.',
    );
    const first = await who('/who kurti');
    const view = first.data as WhoView;
    expect(view.statements).toHaveLength(10);
    expect(view.more).toBe(true);
    const more = first.reply.actions?.find((action) => action.label === 'More statements');
    expect(more?.commandLine).toBe('/who "Albin Kurti" page:2');
    const second = (await who(more!.commandLine)).data as WhoView;
    expect(second.statements).toHaveLength(3);
    expect(second.page).toBe(2);
    expect(second.more).toBe(false);
    const karabakh = (await who('/who kurti karabakh')).data as WhoView;
    expect(karabakh.topic).toBe('Nagorno-Karabakh');
    expect(karabakh.statements.map((statement) => statement.text)).toEqual([
      'that Armenia and Azerbaijan should talk about Karabakh peace',
    ]);
    // A topic sitrep does not know is searched by its words.
    const adHoc = (await who('/who "Albin Kurti" topic:weeks page:2')).data as WhoView;
    expect(adHoc.statements).toHaveLength(2);
    expect(adHoc.statements.every((statement) => statement.text.includes('weeks'))).toBe(true);
    // On a text platform's one line, so is a trailing word that is no known topic.
    const armenia = (await who('/who kurti azerbaijan')).data as WhoView;
    expect([armenia.name, armenia.person?.name]).toEqual(['kurti', 'Albin Kurti']);
    expect(armenia.statements).toHaveLength(1);
    const zvecan = (await who('/who kurti zvecan')).data as WhoView;
    expect(zvecan.statements).toHaveLength(10);
  });
});

const SURNAMES = (
  'Abbott Baker Carter Dawson Ellis Fisher Graham Harper Irwin Jensen Keller Lawson Morgan ' +
  'Nolan Owens Porter Quinn Reed Sawyer Tucker Underwood Vaughn Walker Young Zimmerman Barnes ' +
  'Chandler Dalton Everett Fletcher'
).split(' ');

describe('autocomplete', () => {
  it('suggests people by prefix, by any name word and by near misses, at most 25', () => {
    app = createTestApp();
    ingest(
      'John Kirby said that Washington was watching the deployment closely.',
      'Aleksandar Vučić said that the army would withdraw from the border.',
      ...SURNAMES.map((surname) => `John ${surname} said that the weather was fine today.`),
    );
    const suggest = {
      people: (prefix: string) => app.services.suggest!('person', prefix),
      topics: (prefix: string) => app.services.suggest!('topic', prefix),
    };
    expect(suggest.people('john kir')[0]).toEqual({ name: 'John Kirby', value: 'John Kirby' });
    expect(suggest.people('vuc').map((choice) => choice.name)).toContain('Aleksandar Vučić');
    expect(suggest.people('kirbi').map((choice) => choice.name)).toContain('John Kirby');
    expect(suggest.people('john')).toHaveLength(25);
    expect(suggest.people('kirby')[0]!.name).toBe('John Kirby');
    expect(suggest.topics('kos').map((choice) => choice.value)).toContain('kosovo');
  });

  it('suggests only people with something to show: a name only mentioned is not offered', () => {
    app = createTestApp();
    ingest(
      'John Kirby said that Washington was watching the deployment closely.',
      'Officials met John Kirchner and Kathleen Hicks in Brussels on Monday to review the plans.',
    );
    const names = (prefix: string) =>
      app.services.suggest!('person', prefix).map((choice) => choice.name);
    expect(names('john ki')).toEqual(['John Kirby']);
    expect(names('hicks')).toEqual([]);
  });
});
