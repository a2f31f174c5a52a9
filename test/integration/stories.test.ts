import { describe, expect, it } from 'vitest';
import { escalationOf } from '../../src/analysis/escalation.ts';
import {
  bestReports,
  getStory,
  storyReports,
  windowStories,
} from '../../src/analysis/stories/read.ts';
import { resolveTopic } from '../../src/corpus/topics.ts';
import type { ArticleInput } from '../../src/corpus/article.ts';
import { fixedClock } from '../../src/core/clock.ts';
import { createApp } from '../../src/main.ts';
import { analyzeArticle } from '../../src/analysis/analyze.ts';
import { createStoryIndexer } from '../../src/analysis/stories/indexer.ts';
import { storyMigrations } from '../../src/analysis/stories/schema.ts';
import type { StoryUpdate } from '../../src/analysis/story-update.ts';
import { createIngester } from '../../src/corpus/ingest.ts';
import { readStoryArticles } from '../../src/briefing/window-articles.ts';
import { openDatabase } from '../../src/corpus/store/database.ts';
import { corpusMigrations } from '../../src/corpus/store/migrations.ts';
import { createSqliteStore } from '../../src/corpus/store/store.ts';
import { createTopicIndex } from '../../src/corpus/store/topic-index.ts';

const article = (outlet: string, published: string, title: string, body: string): ArticleInput => ({
  title,
  body,
  outlet,
  url: null,
  published,
  tags: [],
  lang: 'en',
  origin: `test/${outlet}`,
});

const DEPLOYMENT = article(
  'Balkan Wire',
  '2023-09-21T09:00:00Z',
  'Serbia moves armoured units towards the Kosovo border',
  'Serbia deployed armoured units and artillery to positions near the administrative line with ' +
    'Kosovo on Thursday, the defence ministry in Belgrade said. Officials described the move as ' +
    'routine, while Pristina called it provocative.',
);

const CLASH = article(
  'Balkan Wire',
  '2023-09-24T08:00:00Z',
  'Gunmen open fire on police patrol near Banjska monastery',
  'An armed group opened fire on a Kosovo police patrol near the village of Banjska early on ' +
    'Sunday, police said. The gunmen then barricaded themselves inside the monastery grounds ' +
    'and exchanged fire with special police units for several hours. The interior minister ' +
    'said the attackers were heavily armed and wore uniforms without insignia.',
);

const DEATHS_BODY =
  'A Kosovo police officer was killed when gunmen opened fire on a patrol near the village of ' +
  'Banjska on Sunday, and three of the attackers were killed in the shootout that followed at ' +
  'the monastery. Special police units surrounded the monastery grounds after the gunmen ' +
  'barricaded themselves inside, the interior minister told reporters in Pristina. The prime ' +
  'minister accused Belgrade of backing the armed group, a charge Serbia rejected. NATO ' +
  'peacekeepers stepped up patrols along the main road between Zvečan and Leposavić, and the ' +
  'European Union called on both sides to exercise restraint and to let the investigation run ' +
  'its course. Schools in the area stayed closed on Monday and the road to the village remained ' +
  'sealed off by the police while forensic teams worked at the scene.';

const DEATHS = article(
  'Adriatic Observer',
  '2023-09-24T14:00:00Z',
  'Police officer and three gunmen killed in Banjska monastery shootout',
  DEATHS_BODY,
);

const SYNDICATED = article(
  'Danube Daily',
  '2023-09-24T15:30:00Z',
  'Officer and three attackers dead after Banjska monastery shootout',
  DEATHS_BODY.replace('on Sunday', 'on Sunday morning'),
);

const TRADE = article(
  'Danube Daily',
  '2023-09-24T16:00:00Z',
  'EU and Kosovo sign agreement on customs data exchange',
  'Kosovo and the European Union signed an agreement on exchanging customs data in Brussels on ' +
    'Sunday, officials said, a technical step towards easier trade across the region.',
);

function ingestAll(inputs: readonly ArticleInput[]) {
  const app = createApp({ db: ':memory:', clock: fixedClock('2023-09-25T00:00:00Z') });
  const report = app.ingester.ingestArticles(inputs);
  expect(report.added).toHaveLength(inputs.length);
  return { app, updates: app.stories.drain() };
}

describe('story clustering at ingest', () => {
  it('joins two outlets on one clash into one story and reports the level raise and deaths', () => {
    const { app, updates } = ingestAll([CLASH, DEATHS]);
    const [first, second] = updates;
    expect(first).toMatchObject({
      isNewStory: true,
      nearDuplicate: false,
      previousLevel: 0,
      level: 4,
      previousFatalities: 0,
      fatalities: 0,
      deEscalation: false,
      title: CLASH.title,
      published: CLASH.published,
    });
    expect(first!.topics).toContain('kosovo');
    expect(first!.reasons[0]).toBe('armed clash in Banjska');
    expect(second).toMatchObject({
      storyId: first!.storyId,
      isNewStory: false,
      nearDuplicate: false,
      previousLevel: 4,
      level: 5,
      previousFatalities: 0,
      // One officer and three attackers, in one sentence.
      fatalities: 4,
    });
    expect(second!.reasons).toContain('4 killed');
    const story = getStory(app.store.db, first!.storyId);
    expect(story).toMatchObject({ level: 5, fatalities: 4, outlets: 2, articleCount: 2 });
    // The report that raised the story to deadly gives it its title.
    expect(story!.title).toBe(DEATHS.title);
    expect(storyReports(app.store.db, first!.storyId).map((member) => member.articleId)).toEqual([
      first!.articleId,
      second!.articleId,
    ]);
  });

  it('counts a syndicated copy once as a report but adds its outlet', () => {
    const { app, updates } = ingestAll([DEATHS, SYNDICATED]);
    expect(updates[1]).toMatchObject({
      storyId: updates[0]!.storyId,
      isNewStory: false,
      nearDuplicate: true,
    });
    const story = getStory(app.store.db, updates[0]!.storyId);
    expect(story).toMatchObject({ outlets: 2, articleCount: 1 });
    expect(storyReports(app.store.db, story!.id)).toHaveLength(2);
  });

  it('counts an outlet once however its name is cased, and each new one as it comes', () => {
    const { app, updates } = ingestAll([
      DEATHS,
      { ...SYNDICATED, outlet: 'ADRIATIC OBSERVER', origin: 'test/copy' },
      { ...CLASH, published: '2023-09-24T18:00:00Z' },
    ]);
    expect(updates.map((update) => update.outlets)).toEqual([1, 1, 2]);
    expect(getStory(app.store.db, updates[0]!.storyId)).toMatchObject({ outlets: 2 });
  });

  it('opens a new story for a different event the same day', () => {
    const { updates } = ingestAll([CLASH, DEATHS, TRADE]);
    expect(updates[2]).toMatchObject({ isNewStory: true, level: 0 });
    expect(updates[2]!.storyId).not.toBe(updates[0]!.storyId);
  });

  it('lists a topic’s stories in a window with what the window holds of each', () => {
    const { app } = ingestAll([DEPLOYMENT, CLASH, DEATHS, TRADE]);
    const kosovo = resolveTopic('kosovo');
    const stories = windowStories(
      app.store.db,
      kosovo,
      '2023-09-20T00:00:00Z',
      '2023-09-25T00:00:00Z',
    );
    expect(stories.map((story) => story.level)).toEqual([2, 5, 0]);
    const banjska = stories[1]!;
    expect(banjska).toMatchObject({ central: 2, windowOutlets: 2 });
    expect(banjska.reports).toBe(2);
    expect(banjska.reasons[0]).toBe('armed clash in Banjska');
    expect(
      windowStories(app.store.db, kosovo, '2023-09-22T00:00:00Z', '2023-09-23T00:00:00Z'),
    ).toEqual([]);
  });
});

describe('a topic made known after its reports were indexed', () => {
  it('counts the reports stored before it as central, as it did reports of before the record', () => {
    const { app } = ingestAll([DEPLOYMENT, CLASH, DEATHS, TRADE]);
    const db = app.store.db;
    const kosovo = resolveTopic('kosovo');
    const central = () =>
      windowStories(db, kosovo, '2023-09-20T00:00:00Z', '2023-09-25T00:00:00Z').map(
        (story) => story.central,
      );
    const known = central();
    expect(known.some((count) => count > 0)).toBe(true);
    // As if the story index had read these reports before Kosovo was a known topic.
    db.prepare("UPDATE story_window SET topics = ''").run();
    expect(central().every((count) => count === 0)).toBe(true);
    // Opened with a topics.json that adds it, the store files the topic and records its start.
    db.prepare("DELETE FROM topic_terms WHERE topic = 'kosovo'").run();
    createTopicIndex(db);
    expect(central()).toEqual(known);
  });
});

describe('one story per event', () => {
  const shootingA = article(
    'Balkan Wire',
    '2023-06-10T07:30:00Z',
    'Two Kosovo police officers wounded in shooting near Zubin Potok',
    'Unknown gunmen opened fire on a Kosovo police patrol on the road outside Zubin Potok late ' +
      'on Friday, wounding two officers, the police said. The officers were taken to hospital ' +
      'in Mitrovica and their lives were not in danger. Special units searched the woods above ' +
      'the Gazivode lake through the night.',
  );
  const shootingB = article(
    'Adriatic Observer',
    '2023-06-10T13:10:00Z',
    'Patrol ambushed outside Zubin Potok, officers hurt',
    'A police patrol came under fire near Zubin Potok in northern Kosovo on Friday night and two ' +
      'officers were hurt, according to the interior ministry. Kosovo police said the shots came ' +
      'from the hills above the road to the Gazivode lake and that no arrests had been made.',
  );
  const talks = article(
    'Danube Daily',
    '2023-06-10T15:00:00Z',
    'EU envoy meets Serbian negotiators in Belgrade on municipalities plan',
    'The EU envoy for the Belgrade-Pristina dialogue met Serbian negotiators in Belgrade on ' +
      'Saturday to discuss a draft statute for the association of Serb-majority municipalities ' +
      'in Kosovo, officials said.',
  );

  it('joins two outlets’ differently worded reports of one shooting, and keeps talks apart', () => {
    const { updates } = ingestAll([shootingA, shootingB, talks]);
    expect(updates[1]).toMatchObject({ storyId: updates[0]!.storyId, nearDuplicate: false });
    expect(updates[1]!.reports).toBe(2);
    expect(updates[2]!.storyId).not.toBe(updates[0]!.storyId);
  });

  it('keeps a call to talks apart from a warning that shares only the conflict’s names', () => {
    const warning = article(
      'Capital Courier',
      '2023-09-29T18:00:00Z',
      'White House warns Serbia over troops near Kosovo',
      '"We are watching the deployment very closely," a White House spokesman said on Friday, ' +
        'adding that Washington wanted Serbia to pull its forces back from the boundary with Kosovo.',
    );
    const invitation = article(
      'Danube Daily',
      '2023-09-30T10:00:00Z',
      'EU invites Serbia and Kosovo leaders to Brussels',
      'The European Union invited the leaders of Serbia and Kosovo to meet in Brussels next week ' +
        'to calm tensions, the bloc’s foreign policy chief said on Saturday.',
    );
    const { updates } = ingestAll([CLASH, warning, invitation]);
    expect(updates[2]).toMatchObject({ isNewStory: true });
    expect(new Set(updates.map((update) => update.storyId)).size).toBe(3);
  });

  const campStrike = article(
    'Levant Desk',
    '2024-05-03T09:00:00Z',
    'Air strike on Nuseirat camp kills 20, health officials say',
    'An air strike on a house in the Nuseirat refugee camp in central Gaza killed 20 people ' +
      'overnight, most of them from one family, health officials said on Friday. Rescuers dug ' +
      'through the rubble by hand.',
  );
  const campStrikeOther = article(
    'Gulf Courier',
    '2024-05-03T14:00:00Z',
    'Families buried after deadly strike on Nuseirat house',
    'Mourners in Nuseirat buried members of one family on Friday after an overnight air strike ' +
      'on their house in the central Gaza camp killed 20 people, according to health officials.',
  );
  const borderRockets = article(
    'Levant Desk',
    '2024-05-03T16:00:00Z',
    'Rockets from Lebanon kill two in Kiryat Shmona',
    'Two people were killed when rockets fired from southern Lebanon hit a street in the ' +
      'northern Israeli town of Kiryat Shmona on Friday, Israeli medics said. Hezbollah said it ' +
      'had fired the barrage.',
  );

  it('keeps a war’s different deadly events of one day apart', () => {
    const { updates } = ingestAll([campStrike, campStrikeOther, borderRockets]);
    expect(updates[1]!.storyId).toBe(updates[0]!.storyId);
    expect(updates[2]!.storyId).not.toBe(updates[0]!.storyId);
  });

  it('keeps strikes on a party apart from that party’s own attacks the day before', () => {
    const shipping = article(
      'Gulf Courier',
      '2024-02-20T09:00:00Z',
      'Houthi drones and missiles target ships in the Red Sea',
      'Houthi rebels fired a barrage of drones and missiles at merchant ships in the southern Red ' +
        'Sea on Monday night, and US and British warships shot most of them down, the navies said.',
    );
    const shippingOther = article(
      'Levant Desk',
      '2024-02-20T15:00:00Z',
      'Warships down Houthi drones over the Red Sea',
      'Western warships in the Red Sea shot down more than 20 drones and missiles that Houthi ' +
        'rebels launched at merchant shipping overnight, officials said on Tuesday.',
    );
    const strikes = article(
      'Gulf Courier',
      '2024-02-21T08:00:00Z',
      'US and UK strike Houthi targets in Yemen after Red Sea attacks',
      'The United States and Britain launched strikes on more than a dozen Houthi targets in ' +
        'Yemen overnight, after weeks of Houthi attacks on merchant ships in the Red Sea, officials ' +
        'said on Wednesday.',
    );
    const { updates } = ingestAll([shipping, shippingOther, strikes]);
    expect(updates[1]!.storyId).toBe(updates[0]!.storyId);
    expect(updates[2]).toMatchObject({ isNewStory: true, level: 4 });
  });

  it('lets an explainer join its event without raising it: a question reports nothing new', () => {
    const explainer = article(
      'Gulf Courier',
      '2024-05-03T18:00:00Z',
      'What is the Nuseirat camp and why was it hit?',
      'The Nuseirat refugee camp in central Gaza, where an air strike killed 20 people on ' +
        'Friday, was built in the 1940s. Here is what we know about the camp and the strike.',
    );
    const { updates } = ingestAll([campStrike, explainer]);
    expect(updates[1]).toMatchObject({ storyId: updates[0]!.storyId });
    expect(updates[1]!.report).toMatchObject({ question: true, level: 0, fatalities: 0 });
  });
});

describe('one story for an event told from its victims’ side', () => {
  const halt = article(
    'Levant Desk',
    '2024-04-02T08:00:00Z',
    'Harbour Relief halts Gaza deliveries after strike on its convoy kills six staff',
    'The charity Harbour Relief suspended its food deliveries in Gaza on Tuesday after an air ' +
      'strike hit its convoy near Deir al-Balah, killing six of its staff, the charity said. The ' +
      'convoy had been cleared with the army, Harbour Relief said.',
  );
  const deaths = article(
    'Gulf Courier',
    '2024-04-02T12:00:00Z',
    'Six Harbour Relief staff killed as convoy hit in central Gaza',
    'Six staff of the charity Harbour Relief were killed when an air strike hit their convoy in ' +
      'central Gaza, the charity said on Tuesday, and it halted its deliveries of food.',
  );
  const victims = article(
    'Capital Courier',
    '2024-04-03T09:00:00Z',
    'Nurse, engineer and driver: Tomas Ferreira, Aled Morgan and Priya Natarajan named',
    'Tomas Ferreira, Aled Morgan and Priya Natarajan were described by their families as ' +
      'devoted and brave. Ferreira, a nurse from Porto, Morgan, an engineer from Cardiff, and ' +
      'Natarajan, a driver from Leicester, were among the six Harbour Relief staff killed when ' +
      'the charity convoy was hit in Gaza.',
  );

  it('joins a piece led by the victims’ names to the strike’s story', () => {
    const { updates } = ingestAll([halt, deaths, victims]);
    expect(updates[1]!.storyId).toBe(updates[0]!.storyId);
    expect(updates[2]).toMatchObject({ storyId: updates[0]!.storyId, isNewStory: false });
  });
});

describe('attacks in two countries', () => {
  it('keeps one side’s strikes of one day in two countries as two stories', () => {
    const camp = article(
      'Levant Desk',
      '2023-12-25T08:00:00Z',
      'Israeli air strike on Maghazi camp kills 70, ministry says',
      'At least 70 people were killed in an Israeli air strike on the Maghazi refugee camp in ' +
        'Gaza, the health ministry said. The strike hit a residential block late on Sunday.',
    );
    const damascus = article(
      'Gulf Courier',
      '2023-12-25T14:00:00Z',
      'Israeli air strike kills Iranian commander in Damascus',
      'An Israeli air strike killed a senior Iranian commander in Damascus on Monday, Iranian ' +
        'state media said. The strike hit a residential block in the Sayyida Zeinab district.',
    );
    const again = article(
      'Capital Courier',
      '2023-12-25T18:00:00Z',
      'Iran vows revenge after commander killed in Israeli air strike in Damascus',
      'Iran vowed revenge after an Israeli air strike killed one of its senior commanders in ' +
        'Damascus on Monday, the Revolutionary Guards said.',
    );
    const { updates } = ingestAll([camp, damascus, again]);
    expect(updates[1]!.storyId).not.toBe(updates[0]!.storyId);
    expect(updates[2]!.storyId).toBe(updates[1]!.storyId);
  });
});

describe('the day of an event', () => {
  it('dates a story opened by warnings from the attack they feared', () => {
    const warning = article(
      'Capital Courier',
      '2024-04-11T10:00:00Z',
      'Allies brace for Iranian drone and missile attack on Israel',
      'Western governments said on Thursday they feared Iran could launch drones and missiles at ' +
        'Israel within days, and Israel put its air defences around the Nevatim air base on alert.',
    );
    const attack = article(
      'Levant Desk',
      '2024-04-14T02:00:00Z',
      'Iran launches drones and missiles at Israel',
      'Iran launched more than 300 drones and missiles at Israel overnight, and one struck near ' +
        'the Nevatim air base, the Israeli military said on Sunday. Most were shot down by air ' +
        'defences.',
    );
    const { app, updates } = ingestAll([warning, attack]);
    expect(updates[1]).toMatchObject({ storyId: updates[0]!.storyId, isNewStory: false });
    const story = getStory(app.store.db, updates[0]!.storyId)!;
    expect(story.firstSeen).toBe(warning.published);
    expect(story.eventDay).toBe(attack.published);
  });

  it('dates it from the first report at its level when reports come out of order', () => {
    // A later copy is stored first (a feed's backlog); the first report of the deaths comes next.
    const { app, updates } = ingestAll([SYNDICATED, DEATHS]);
    expect(updates[1]).toMatchObject({ storyId: updates[0]!.storyId, level: 5 });
    const story = getStory(app.store.db, updates[0]!.storyId)!;
    expect(story.eventDay).toBe(DEATHS.published);
  });
});

describe('what a report tells its story', () => {
  it('takes a protest at home as a protest, not as the war’s deaths its lead recalls', () => {
    const protest = article(
      'Capital Courier',
      '2024-05-04T12:00:00Z',
      'Students occupy library in Gaza protest',
      'Students occupied the university library on Saturday in protest at the war in Gaza, in ' +
        'which more than 30,000 people have been killed. The university said lectures would go ' +
        'ahead on Monday.',
    );
    const { updates } = ingestAll([protest]);
    expect(updates[0]!.report.fatalities).toBe(0);
    expect(updates[0]!.level).toBeLessThan(4);
  });

  it('takes the strike a government condemns as reported, but not a massacre it alleges', () => {
    const condemned = article(
      'Levant Desk',
      '2024-01-24T12:00:00Z',
      'Baghdad condemns US air strikes on militia bases',
      'The Iraqi government has condemned US strikes which hit militia bases near al-Qaim on ' +
        'Wednesday. A spokesman said they violated the country’s sovereignty.',
    );
    const alleged = article(
      'Levant Desk',
      '2024-01-30T12:00:00Z',
      'Health ministry accuses army over hospital',
      'The health ministry accused the army of carrying out a massacre inside the hospital in ' +
        'Jenin. The army said it had arrested three men there.',
    );
    const earlier = article(
      'Levant Desk',
      '2024-03-12T12:00:00Z',
      'Minister condemns attack on villagers',
      'The minister condemned the attack on villagers near Tulkarm on 2 February and called ' +
        'for an inquiry.',
    );
    // The same condemnation on the day of the attack reports it.
    const sameDay = {
      ...earlier,
      published: '2024-02-02T18:00:00Z',
      body: earlier.body.replace('on 2 February', 'on Friday'),
      origin: 'test/same-day',
    };
    const { updates } = ingestAll([condemned, alleged, earlier, sameDay]);
    expect(updates.map((update) => update.report.level >= 4)).toEqual([true, false, false, true]);
  });

  it('reads a headline’s feared attack as no attack, whatever earlier attack its lead recalls', () => {
    const fears = article(
      'Capital Courier',
      '2024-04-11T12:00:00Z',
      'Washington vows support for Israel amid Iran attack fears',
      'The president promised Israel firm support amid fears that Tehran could strike back for ' +
        'an attack that killed two of its generals. On Wednesday Iran’s foreign minister said ' +
        'the attack in Damascus had been an attack on Iran itself.',
    );
    const { updates } = ingestAll([fears]);
    expect(updates[0]!.report.level).toBeLessThan(4);
  });

  it('rates soldiers killed by their own side’s fire as deaths, not as a probe of them', () => {
    const friendlyFire = article(
      'Levant Desk',
      '2024-06-12T09:00:00Z',
      'Army’s own artillery kills four of its soldiers near Khan Younis',
      'The army says four of its soldiers have been killed by its own artillery fire near Khan ' +
        'Younis, in one of the worst such incidents since the ground offensive began in October. ' +
        'An inquiry found that a shell hit the house where the unit was resting.',
    );
    const { updates } = ingestAll([friendlyFire]);
    expect(updates[0]).toMatchObject({ level: 5, fatalities: 4 });
  });

  it('rates a missile fired at a ship as an attack, though no one was hurt', () => {
    const tanker = article(
      'Gulf Courier',
      '2024-01-09T10:00:00Z',
      'Rebels hit Maltese cargo ship with missile',
      'Yemen’s Iran-backed rebels have hit a Maltese-flagged cargo ship with two missiles in the ' +
        'southern Red Sea, setting it on fire, the owners said. No one was hurt in the attack.',
    );
    const { updates } = ingestAll([tanker]);
    expect(updates[0]!.level).toBe(4);
  });

  it('takes a battle beside a reopened crossing as fighting, not as a step back', () => {
    const battle = article(
      'Gulf Courier',
      '2024-05-09T12:00:00Z',
      'Battle in east Rafah amid crossing reopening dispute',
      'Fighting and bombardment continued on the outskirts of Rafah as the army said the ' +
        'Kerem Shalom crossing had reopened for aid. Troops killed fighters in eastern Rafah, ' +
        'the army said.',
    );
    const reopened = article(
      'Gulf Courier',
      '2024-05-09T14:00:00Z',
      'Kerem Shalom crossing reopens for aid lorries',
      'The Kerem Shalom crossing reopened for aid on Thursday, the army said, and the first ' +
        'lorries crossed into the territory in the afternoon.',
    );
    const { updates } = ingestAll([battle, reopened]);
    expect(updates[0]).toMatchObject({ deEscalation: false });
    expect(updates[0]!.level).toBeGreaterThanOrEqual(4);
    expect(updates[1]).toMatchObject({ deEscalation: true });
  });

  it('rates a war’s running toll in a headline as no new event', () => {
    const toll = article(
      'Gulf Courier',
      '2024-02-29T10:00:00Z',
      'Death toll in the territory climbs past 30 000, ministry says',
      'The number of people killed in the territory has climbed past 30,000, the health ministry ' +
        'said on Thursday, as fighting went on in the south and talks on a truce stalled.',
    );
    const { updates } = ingestAll([toll]);
    expect(updates[0]!.report.level).toBeLessThan(4);
  });

  it('takes a deal the headline reports as the news, not the battle its lead opens with', () => {
    const deal = article(
      'Coastal Radio',
      '2024-01-16T12:00:00Z',
      'Mediators announce a deal to deliver medicine to Israeli hostages in Gaza',
      'Militants battled Israeli forces in the north of the territory and launched a barrage of ' +
        'rockets from the south on Tuesday. Late on Tuesday, two mediating governments said they ' +
        'had brokered a deal to deliver medicine to hostages held in Gaza.',
    );
    const { updates } = ingestAll([deal]);
    expect(updates[0]!.report.level).toBe(0);
  });

  it('takes the lead’s deadly strikes as the news of a headline’s evacuation order by their side', () => {
    const lead =
      'The health ministry says at least 70 people have been killed by Israeli strikes around ' +
      'the southern city of Khan Younis. It comes after Israel ordered the evacuation of part ' +
      'of a designated humanitarian zone ahead of an operation.';
    const order = article(
      'Coastal Radio',
      '2024-07-22T12:00:00Z',
      'Israel orders evacuation of part of Gaza humanitarian zone',
      lead,
    );
    // The same lead under a headline about the other side's step names none of Israel's.
    const other = article(
      'Coastal Radio',
      '2024-07-22T13:00:00Z',
      'Hamas orders fighters to evacuate tunnels near Khan Younis',
      lead,
    );
    const { updates } = ingestAll([order, other]);
    expect(updates[0]!.report).toMatchObject({ level: 5, fatalities: 70 });
    expect(updates[1]!.report.level).toBeLessThan(5);
  });

  it('takes the lead’s attacks as the news of a headline’s military operation', () => {
    const lead =
      'This past Sunday, three soldiers were killed by a drone at a base in Jordan. This ' +
      'afternoon, at my direction, our military forces struck targets at facilities in Iraq and ' +
      'Syria that the militias use to attack our forces.';
    const operation = article(
      'Press Office',
      '2024-02-02T22:00:00Z',
      'Statement from the President on U.S. Military Operation in the Middle East',
      lead,
    );
    const plain = article(
      'Press Office',
      '2024-02-02T23:00:00Z',
      'Statement from the President on the Budget',
      lead,
    );
    const { updates } = ingestAll([operation, plain]);
    expect(updates[0]!.report.level).toBe(4);
    expect(updates[1]!.report.level).toBe(0);
  });

  it('rates an evacuation order as coercion, and an embassy’s evacuation as none', () => {
    const order = article(
      'Coastal Radio',
      '2024-05-06T09:00:00Z',
      'Army orders residents to evacuate eastern Rafah',
      'The army ordered an estimated 100,000 residents of eastern Rafah to evacuate on Monday, ' +
        'dropping leaflets and sending text messages.',
    );
    const embassy = article(
      'Coastal Radio',
      '2024-05-06T10:00:00Z',
      'Washington orders evacuation of its embassy in Khartoum',
      'The State Department ordered the evacuation of its embassy staff in Khartoum on Saturday ' +
        'as fighting closed the airport.',
    );
    const { updates } = ingestAll([order, embassy]);
    expect(updates[0]!.report).toMatchObject({ level: 3 });
    expect(updates[0]!.reasons.join('; ')).toMatch(/evacuation orders/);
    expect(updates[1]!.report.level).toBe(0);
  });

  it('rates a death the headline dates months back as a recap, not a new attack', () => {
    const identified = article(
      'Capital Courier',
      '2024-03-14T10:00:00Z',
      'Reservist thought to be a hostage was killed in 7 October raid',
      'A reservist who was thought to be held hostage was in fact killed in the raid of 7 ' +
        'October, the army said. His body was taken into Gaza after he was killed, the army said ' +
        'on Wednesday.',
    );
    const { updates } = ingestAll([identified]);
    expect(updates[0]!.report.level).toBeLessThan(4);
  });

  it('counts the topic only where the article is about it, not where it names it once', () => {
    const passing = article(
      'Capital Courier',
      '2023-09-24T18:00:00Z',
      'Press briefing on the budget and trade',
      'The spokesperson opened with the budget negotiations and the new trade office, which ' +
        'will open in the spring with a staff of forty. She said the committee would vote on ' +
        'the spending plan on Tuesday and that the finance minister expected a majority. ' +
        'Questions turned to the harvest, to fuel prices and to the new rail timetable, which ' +
        'she said would be published next week. Asked about the week abroad, she listed ' +
        'meetings on climate, on shipping and, briefly, on Kosovo. Then she returned to the ' +
        'budget and took a last question on the harvest.',
    );
    const { app, updates } = ingestAll([DEATHS, passing]);
    expect(updates[1]!.topics).not.toContain('kosovo');
    const stories = windowStories(
      app.store.db,
      resolveTopic('kosovo'),
      '2023-09-20T00:00:00Z',
      '2023-09-25T00:00:00Z',
    );
    expect(stories.map((story) => story.central)).toEqual([1, 0]);
  });
});

const REACTION = article(
  'Capital Courier',
  '2023-09-25T10:00:00Z',
  'Washington condemns Banjska attack on Kosovo police',
  'The US State Department condemned on Monday the attack on Kosovo police at Banjska, in ' +
    'which an officer was killed when gunmen opened fire on a patrol near the monastery, and ' +
    'urged Pristina and Belgrade to show restraint. Diplomats said talks would resume in ' +
    'Brussels next month.',
);

describe('official documents and transcripts', () => {
  const readout = (published: string, counterpart: string, body: string) =>
    article(
      'State House',
      published,
      `Readout of National Security Advisor Dana Marsh’s Meeting with ${counterpart}`,
      `National Security Advisor Dana Marsh met today with ${counterpart}. ${body}`,
    );
  const alliance = readout(
    '2024-01-29T20:00:00Z',
    'Alliance Secretary General Pieter Vos',
    'They discussed the accession talks of the alliance and welcomed the vote in parliament. ' +
      'National Security Advisor Marsh reaffirmed the commitment to the alliance.',
  );
  const gulf = readout(
    '2024-01-30T20:00:00Z',
    'Prime Minister Karim Al Nasser of Qatar',
    'They discussed the hostage talks in Doha and the aid convoys through the Rafah crossing. ' +
      'National Security Advisor Marsh reaffirmed the commitment to the mediation.',
  );

  it('keeps one adviser’s readouts of two meetings apart, though they share his name and office', () => {
    const { updates } = ingestAll([alliance, gulf]);
    expect(updates[1]!.storyId).not.toBe(updates[0]!.storyId);
  });

  const gaggle = (published: string, answers: string[]) =>
    article(
      'State House',
      published,
      'On-the-Record Press Gaggle by National Security Communications Advisor John Kirby',
      [
        'Aboard Air Force One',
        ...answers.flatMap((answer) => ['Q Admiral, on Ukraine?', `MR. KIRBY: ${answer}`]),
      ].join('\n\n'),
    );
  const monday = gaggle('2024-04-01T16:00:00Z', [
    'Russian missiles struck the power grid around Kharkiv overnight, and repair crews are out.',
    'The supplemental is stuck in the House, and Ukraine is rationing artillery shells at the front.',
  ]);
  const wednesday = gaggle('2024-04-03T16:00:00Z', [
    'Russian drones struck the power grid around Odesa overnight, and repair crews are out again.',
    'The supplemental is still stuck in the House, and the front is short of artillery shells.',
  ]);

  it('makes each transcript a story of its own, though two of one spokesman share title and words', () => {
    const { updates } = ingestAll([monday, wednesday]);
    expect(updates[1]).toMatchObject({ isNewStory: true });
    expect(updates[1]!.storyId).not.toBe(updates[0]!.storyId);
  });

  it('still puts a copy of a transcript in its story', () => {
    const copy = { ...monday, outlet: 'Press Pool', origin: 'test/pool' };
    copy.body = copy.body.replace('Aboard Air Force One', 'Aboard Air Force One, en route');
    const { updates } = ingestAll([monday, copy]);
    expect(updates[1]).toMatchObject({ storyId: updates[0]!.storyId, nearDuplicate: true });
  });

  it('lets an official statement on an attack join the news of that attack', () => {
    const news = article(
      'Desert Dispatch',
      '2024-01-28T15:00:00Z',
      'Drone attack kills three US soldiers at Tower 22 base in Jordan',
      'A one-way drone struck Tower 22, a small US base in northeastern Jordan near the Syrian ' +
        'border, on Sunday, killing three US service members and wounding dozens, US officials ' +
        'said. Militias backed by Iran were blamed for the drone attack.',
    );
    const statement = article(
      'State House',
      '2024-01-28T18:00:00Z',
      'Statement from President Joe Biden on Attack on U.S. Service Members in Northeastern Jordan',
      'Today, three US service members were killed and many were wounded during a one-way drone ' +
        'attack on our forces at Tower 22 in northeastern Jordan, near the Syrian border. ' +
        'Militant groups backed by Iran carried out the drone attack.',
    );
    const { updates } = ingestAll([news, statement]);
    expect(updates[1]).toMatchObject({ storyId: updates[0]!.storyId, nearDuplicate: false });
  });
});

describe('follow-ups and callbacks', () => {
  it('puts a reaction to the incident the next day into the incident’s story', () => {
    const { updates } = ingestAll([CLASH, DEATHS, REACTION]);
    expect(updates[2]).toMatchObject({ storyId: updates[0]!.storyId, isNewStory: false });
  });

  it('calls onUpdate inside the ingest, in order, with the same updates drain() returns', () => {
    const db = openDatabase(':memory:', [...corpusMigrations, ...storyMigrations]);
    const store = createSqliteStore(db);
    const seen: StoryUpdate[] = [];
    const stories = createStoryIndexer(db, { onUpdate: (update) => seen.push(update) });
    const ingester = createIngester({
      store,
      analyze: analyzeArticle,
      clock: fixedClock('2023-09-25T00:00:00Z'),
      indexers: [stories.index],
    });
    ingester.ingestArticles([CLASH, TRADE]);
    expect(seen.map((update) => update.title)).toEqual([CLASH.title, TRADE.title]);
    expect(stories.drain()).toEqual(seen);
    expect(stories.drain()).toEqual([]);
    store.close();
  });
});

describe('a report whose transaction rolled back', () => {
  /** Ingests through the story indexer and a writer after it that fails on `failing`. */
  function ingestFailing(inputs: readonly ArticleInput[], failing: string) {
    const db = openDatabase(':memory:', [...corpusMigrations, ...storyMigrations]);
    const store = createSqliteStore(db);
    const stories = createStoryIndexer(db);
    const ingester = createIngester({
      store,
      analyze: analyzeArticle,
      clock: fixedClock('2023-09-25T00:00:00Z'),
      indexers: [
        stories.index,
        (stored) => {
          if (stored.title === failing) throw new Error('disk I/O error');
        },
      ],
    });
    const report = ingester.ingestArticles(inputs);
    const updates = stories.drain();
    store.close();
    return { report, updates };
  }

  it('is forgotten: later reports cluster as if it never came, and no update tells of it', () => {
    const { report, updates } = ingestFailing([CLASH, DEATHS, SYNDICATED], DEATHS.title);
    expect(report.failed.map((failure) => failure.origin)).toEqual([DEATHS.origin]);
    const never = ingestAll([CLASH, SYNDICATED]).updates;
    const shape = (update: StoryUpdate) => ({
      title: update.title,
      isNewStory: update.isNewStory,
      nearDuplicate: update.nearDuplicate,
      level: update.level,
      fatalities: update.fatalities,
      reports: update.reports,
    });
    expect(updates.map(shape)).toEqual(never.map(shape));
    // The copy of the rolled-back report is a report of its own, not a copy of nothing.
    expect(updates[1]).toMatchObject({ nearDuplicate: false });
  });
});

describe('the best reports of a story in a window', () => {
  const best = (
    app: ReturnType<typeof ingestAll>['app'],
    topic: string,
    from: string,
    to: string,
    perStory: number,
  ) => {
    const stories = windowStories(app.store.db, resolveTopic(topic), from, to);
    const found = bestReports(
      app.store.db,
      { topic: resolveTopic(topic), from, to },
      stories,
      perStory,
    );
    return stories.map((story) => (found.get(story.id) ?? []).map((member) => member.headline));
  };

  it('cites the report the title comes from first, then the best others, then copies', () => {
    const { app } = ingestAll([CLASH, DEATHS, SYNDICATED, REACTION]);
    const [story] = best(app, 'kosovo', '2023-09-20T00:00:00Z', '2023-09-26T00:00:00Z', 1);
    // One original (the deadly report that titled the story) and one syndicated copy.
    expect(story).toEqual([DEATHS.title, SYNDICATED.title]);
    const [three] = best(app, 'kosovo', '2023-09-20T00:00:00Z', '2023-09-26T00:00:00Z', 3);
    expect(three![0]).toBe(DEATHS.title);
    expect(new Set(three)).toEqual(
      new Set([DEATHS.title, CLASH.title, REACTION.title, SYNDICATED.title]),
    );
  });

  it('puts the title’s report first even where another report ranks higher', () => {
    const { app } = ingestAll([CLASH, DEATHS, SYNDICATED, REACTION]);
    app.store.db.prepare('UPDATE stories SET title = ?').run(CLASH.title);
    const [story] = best(app, 'kosovo', '2023-09-20T00:00:00Z', '2023-09-26T00:00:00Z', 2);
    expect(story!.slice(0, 2)).toEqual([CLASH.title, DEATHS.title]);
  });

  it('reads only the window: the next day’s reaction when the title report came before it', () => {
    const { app } = ingestAll([CLASH, DEATHS, SYNDICATED, REACTION]);
    expect(best(app, 'kosovo', '2023-09-25T00:00:00Z', '2023-09-26T00:00:00Z', 3)).toEqual([
      [REACTION.title],
    ]);
  });

  it('lists the reports read of a story in time order, and in ingest order at one instant', () => {
    const at = '2023-09-24T14:00:00Z';
    const { app } = ingestAll([{ ...CLASH, published: at }, DEATHS]);
    const window = { topic: resolveTopic('kosovo'), from: '2023-09-20T00:00:00Z', to: at };
    const stories = windowStories(app.store.db, window.topic, window.from, window.to);
    const { items, readOf } = readStoryArticles(app.store, window, stories, 3);
    const idOf = (title: string) => items.find((item) => item.article.title === title)!.article.id;
    // The deadly report ranks first and titles the story; the clash was stored first.
    expect(readOf.get(stories[0]!.id)).toEqual([idOf(CLASH.title), idOf(DEATHS.title)]);
  });

  it('reads only reports that match a topic made of the user’s words', () => {
    const { app } = ingestAll([CLASH, DEATHS, SYNDICATED, REACTION]);
    expect(best(app, 'washington', '2023-09-20T00:00:00Z', '2023-09-26T00:00:00Z', 3)).toEqual([
      [REACTION.title],
    ]);
  });
});

describe('topic escalation', () => {
  it('gives the level, a rising trend and the events that explain it', () => {
    const { app } = ingestAll([DEPLOYMENT, CLASH, DEATHS]);
    const window = { from: '2023-09-20T00:00:00Z', to: '2023-09-25T00:00:00Z' };
    const escalation = escalationOf(
      windowStories(app.store.db, resolveTopic('kosovo'), window.from, window.to),
      window,
    );
    expect(escalation).toMatchObject({ level: 5, label: 'deadly violence', trend: 'rising' });
    expect(escalation.signals[0]).toBe('armed clash in Banjska, 4 killed');
    expect(escalation.explanation).toMatch(/^5, rising: armed clash in Banjska, 4 killed/);
  });
});
