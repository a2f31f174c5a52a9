import { describe, expect, it } from 'vitest';
import type { EventMention } from '../../src/analysis/analysis.ts';
import { detectEvents } from '../../src/analysis/events/detect.ts';
import { splitSentences } from '../../src/analysis/sentences.ts';
import { severityOf } from '../../src/analysis/severity.ts';

/** The events of an article as ingest reads it: body, with its title and publication time. */
function eventsOf(title: string, body: string, published = '2023-09-25T10:00:00Z') {
  return detectEvents(body, splitSentences(body), { title, published });
}

const news = (events: readonly EventMention[]) =>
  events.filter((event) => event.realis === 'actual' && !event.background);

describe('where an event happened', () => {
  it('places an attack "in northeast Jordan near the Syria border" in Jordan', () => {
    const events = eventsOf(
      'Statement on the Attack on Service Members in Northeastern Jordan Near the Syria Border',
      'Three service members were killed during a one-way drone attack on our forces stationed ' +
        'in northeast Jordan near the Syria border.',
    );
    expect(news(events).map((event) => event.place)).toEqual(['Jordan']);
    const headline = detectEvents(
      'Attack on Service Members in Northeastern Jordan Near the Syria Border',
      splitSentences('Attack on Service Members in Northeastern Jordan Near the Syria Border'),
    );
    expect(headline.map((event) => event.place)).toEqual(['Northeastern Jordan']);
  });

  it('places an attack in the place that opens its sentence, "In Gaza, ..."', () => {
    const events = eventsOf(
      'Hezbollah missile attack kills Israeli woman and son',
      'He said the Houthi group in Yemen would continue attacking shipping in the Red Sea. ' +
        'In Gaza, Israeli tanks and aircraft continued attacking targets on Sunday.',
    );
    expect(events.filter((event) => event.realis === 'actual').map((event) => event.place)).toEqual(
      ['Gaza'],
    );
  });

  it('codes a ship hit with a missile as an attack, placed off the coast it names', () => {
    const events = eventsOf(
      'Houthi missile hits US-owned cargo ship off Yemen',
      'Houthi rebels have hit a US-owned cargo ship with a ballistic missile off the coast of Yemen, the US says.',
    );
    expect(news(events).map((event) => [event.category, event.place])).toEqual([
      ['ASSAULT', 'Yemen'],
    ]);
    expect(severityOf(news(events)).reasons[0]).toBe('missile or artillery fire in Yemen');
  });

  it('codes forces striking targets as an attack, however many targets', () => {
    const events = eventsOf(
      'On-the-Record Press Call on U.S. Military Operations in the Middle East',
      'Today U.S. military forces struck more than 85 targets at seven facilities in Iraq and Syria.',
    );
    expect(news(events).map((event) => [event.category, event.trigger.text])).toEqual([
      ['ASSAULT', 'military forces struck more than 85 targets'],
    ]);
  });

  it('places an attack in the town a missile "hit"', () => {
    const events = eventsOf(
      'Hezbollah missile attack kills Israeli woman and son',
      'The anti-tank missile hit the town of Kfar Yuval on the northern border on Sunday.',
    );
    expect(news(events).map((event) => event.place)).toEqual(['Kfar Yuval']);
  });

  it('places an attack on a road through a named village, and near a town a distance away', () => {
    const through = eventsOf(
      'Israeli air strike kills seven in West Bank village',
      'Seven men were killed in an Israeli air strike on Sunday as they sat next to the road through al-Shuhada village.',
    );
    expect(news(through).map((event) => event.place)).toEqual(['al-Shuhada']);
    const distance = eventsOf(
      'Israeli air strike kills seven men',
      'Seven men were killed in an Israeli air strike on Sunday, 10km (six miles) from the city of Jenin.',
    );
    expect(news(distance).map((event) => event.place)).toEqual(['Jenin']);
    const origin = eventsOf(
      'Israeli air strike kills seven',
      'Seven men were killed in an Israeli air strike on Sunday, the day after they came from Jenin.',
    );
    expect(news(origin).map((event) => event.place)).toEqual([null]);
  });

  it('reads a name that "blasts" a quotation as criticising it, and blasts that rock a city as blasts', () => {
    const headline = (title: string) =>
      detectEvents(title, splitSentences(title)).map((event) => [
        event.category,
        event.trigger.text,
        event.background,
      ]);
    expect(headline("Biden blasts 'brazen attack' and backs Israel's security")).toEqual([
      ['ACCUSE', 'blasts', false],
      ['ASSAULT', 'attack', true],
    ]);
    expect(headline("Two blasts 'rock Kyiv'")).toEqual([['ASSAULT', 'blasts', false]]);
  });

  it('does not place an attack in the city where a suspect is questioned about it', () => {
    const events = eventsOf(
      'Suspect in monastery siege questioned in Belgrade',
      'Prosecutors in Belgrade questioned Milan Radoičić on Tuesday about the armed attack in Banjska. ' +
        'A court in Belgrade later barred him from leaving Serbia.',
      '2023-10-03T17:00:00Z',
    );
    const attacks = events.filter((event) => event.category === 'ASSAULT');
    expect(attacks.map((event) => event.place)).not.toContain('Belgrade');
  });

  it('places nothing in "University" when the university is named after "of"', () => {
    const events = eventsOf(
      'Rival protest groups clash on campus',
      'Rival groups clashed at the University of California, Los Angeles, on Tuesday night. ' +
        'Protesters also marched at Columbia University.',
    );
    const places = events.map((event) => event.place);
    expect(places).not.toContain('University');
    expect(places).toContain('Columbia University');
  });

  it('codes rival groups clashing amid demonstrations as a riot, not an armed clash', () => {
    const events = eventsOf(
      'Rival protest groups clash on campus',
      'Pro-Palestinian and pro-Israel groups have clashed at the campus as demonstrations ' +
        'over the war continue. Police made several arrests.',
    );
    const clash = news(events).find((event) => event.trigger.text === 'clashed');
    expect(clash).toMatchObject({ category: 'PROTEST', mode: 'riot' });
    expect(severityOf(news(events)).level).toBeLessThan(4);
  });

  it('does not place an attack in the capital that condemns it', () => {
    const events = eventsOf(
      'Pristina condemns ambush',
      'Gunmen ambushed a Kosovo police patrol near Zvečan on Sunday, wounding two officers. ' +
        'The government in Pristina condemned the attack.',
      '2023-09-25T09:00:00Z',
    );
    const attacks = events.filter((event) => event.category === 'ASSAULT');
    expect(attacks.length).toBeGreaterThan(0);
    expect(attacks.map((event) => event.place)).not.toContain('Pristina');
  });

  it('does not place a troop deployment in the village of an earlier attack', () => {
    const events = eventsOf(
      'Britain sends soldiers to reinforce KFOR',
      'Britain deployed 600 soldiers to Kosovo on Monday to reinforce the NATO mission. ' +
        'The deployment comes a week after the attack in Banjska.',
      '2023-10-02T12:00:00Z',
    );
    const deployments = events.filter((event) => event.category === 'MOBILIZE');
    expect(deployments.length).toBeGreaterThan(0);
    expect(deployments.map((event) => event.place)).not.toContain('Banjska');
  });

  it('does not place an arrest in the country the detained man was heading for', () => {
    const events = eventsOf(
      'Azerbaijan detains Karabakh leader at checkpoint',
      'Azerbaijani border guards detained Ruben Vardanyan at the Lachin checkpoint on Wednesday ' +
        'as he tried to cross into Armenia with other refugees.',
      '2023-09-27T18:00:00Z',
    );
    const arrests = events.filter((event) => event.category === 'COERCE');
    expect(arrests.length).toBeGreaterThan(0);
    expect(arrests.map((event) => event.place)).not.toContain('Armenia');
  });

  it('places a strike on the town it hit, not where a minister spoke the sentence before', () => {
    const events = eventsOf(
      'Minister condemns strike on tent camp',
      'Speaking in Brussels on Monday, the foreign minister called for an immediate ceasefire. ' +
        'At least 45 people were killed in the strike on the southern Gaza city of Rafah, ' +
        'health officials said.',
      '2024-05-27T12:00:00Z',
    );
    const strike = events.find((event) => event.category === 'ASSAULT' && event.fatalities);
    expect(strike?.place).toBe('Rafah');
  });
});

describe('where a protest is', () => {
  const protestPlaces = (title: string, body: string) =>
    eventsOf(title, body, '2024-04-25T10:00:00Z')
      .filter((event) => event.category === 'PROTEST')
      .map((event) => event.place);

  it('places a protest abroad where it is, not in the war it is about', () => {
    expect(
      protestPlaces(
        'Gaza protesters occupy library',
        'Students protesting against the war in Gaza occupied the library at Columbia University.',
      ),
    ).toEqual(['Columbia University']);
    expect(
      protestPlaces(
        'Gaza protesters march in Belfast',
        'A rally calling for a ceasefire in Gaza took place in Belfast on Saturday. ' +
          'Protesters then marched to the City Hall.',
      ),
    ).not.toContain('Gaza');
  });

  it('does not place the arrests at a protest in the war the protest is about', () => {
    const arrests = eventsOf(
      'Sixteen arrested over Oxford University Gaza protest',
      'Police arrested sixteen people on Thursday after a sit-in at university offices.',
      '2024-05-24T10:00:00Z',
    ).filter((event) => event.category === 'COERCE');
    expect(arrests).not.toHaveLength(0);
    expect(arrests.map((event) => event.place)).not.toContain('Gaza');
  });

  it('still places a protest in Gaza that is in Gaza', () => {
    expect(
      protestPlaces(
        'Gazans protest against Hamas',
        'Hundreds of people protested in Khan Younis against Hamas on Tuesday.',
      ),
    ).toEqual(['Khan Younis']);
  });
});

describe('a dateline is where the report was filed', () => {
  it("places a strike the lead puts in another country's capital there, not at the dateline", () => {
    const events = eventsOf(
      'Militant commander killed',
      'VALDORA, Marenia — A senior commander of the Red Hand militia has been killed in what it ' +
        "believes to be an air strike in Soltra's capital of Kessen, the group said. Its radio " +
        'announced the killing on Tuesday.',
      '2023-09-26T10:00:00Z',
    );
    expect(news(events).map((event) => event.place)).toEqual(['Kessen', 'Kessen']);
  });

  it('places a strike where the lead says in a later clause, not at the dateline', () => {
    const events = eventsOf(
      'US air strikes hit rebel sites',
      'WASHINGTON — The navy fired another wave of missile strikes against rebel-held sites ' +
        'Wednesday, officials said, the fourth time in days it has targeted the group in Marenia.',
      '2023-09-27T10:00:00Z',
    );
    const strike = events.find((event) => event.category === 'ASSAULT');
    expect(strike?.place).toBe('Marenia');
  });
});

describe('how many died', () => {
  it('counts captives who "have died" where they were held, and not an earlier death or a famine', () => {
    const captives = eventsOf(
      'Seven hostages killed, group says',
      'Seven hostages being held in the Kessen Strip have died, the group said on Friday.',
      '2024-03-01T12:00:00Z',
    );
    expect(severityOf(captives).fatalities).toBe(7);
    const earlier = eventsOf(
      'Agency staff accused',
      'Of the twelve staff accused, nine had been sacked and one had died, the agency said.',
      '2024-03-01T12:00:00Z',
    );
    expect(severityOf(earlier).fatalities).toBe(0);
    const famine = eventsOf(
      'Famine warning in the north',
      'At least 27 people, many of them children, have died of malnutrition, the ministry said.',
      '2024-03-01T12:00:00Z',
    );
    expect(severityOf(famine).fatalities).toBe(0);
  });

  it('reads "have now been killed" as a running toll, background to the news', () => {
    const events = eventsOf(
      'Strikes hit southern city',
      'Ten people were killed in strikes on Kessen on Tuesday. A total of 23,843 people, mostly ' +
        'civilians, have now been killed in the war, the health ministry says.',
      '2023-09-26T10:00:00Z',
    );
    const toll = events.find((event) => event.fatalities === 23_843);
    expect(toll?.background).toBe(true);
    expect(severityOf(events).fatalities).toBe(10);
  });

  it('adds the groups named in one clause: an officer and three gunmen are four', () => {
    const events = eventsOf(
      'Kosovo police officer killed in village siege',
      'A Kosovo police officer and three gunmen were killed in a gun battle in Banjska on Sunday.',
      '2023-09-24T20:00:00Z',
    );
    expect(severityOf(events).fatalities).toBe(4);
  });

  it('adds "two officers and a gunman" to three', () => {
    const events = eventsOf(
      'Shootout at the border',
      'Two officers and a gunman died when the patrol came under fire near Jarinje on Saturday.',
      '2023-09-30T20:00:00Z',
    );
    expect(severityOf(events).fatalities).toBe(3);
  });

  it('adds a smaller count of people to the groups told apart: they are other dead', () => {
    const events = eventsOf(
      'Missile attack kills woman and her son',
      'A woman and her son were killed in a missile attack on a village near the border on ' +
        'Sunday, the army said. Earlier the army said it killed four gunmen trying to cross ' +
        'the border.',
      '2024-01-14T20:00:00Z',
    );
    expect(severityOf(events).fatalities).toBe(6);
  });

  it('prefers the body’s count to the headline’s', () => {
    const events = eventsOf(
      'Policeman killed as armed group storms Kosovo village',
      'Four people were killed on Sunday when an armed group stormed the village of Banjska: ' +
        'a Kosovo police officer and three of the attackers.',
      '2023-09-24T20:00:00Z',
    );
    expect(severityOf(events).fatalities).toBe(4);
  });
});

describe('what the article reports as news', () => {
  it('does not count the dead of an attack recalled in a follow-up about seized weapons', () => {
    const events = eventsOf(
      'Police show weapons seized after village attack',
      'Kosovo police on Monday put on display rifles, mortars and explosives seized from the ' +
        'gunmen. The weapons were found after Sunday’s attack in Banjska, in which a police ' +
        'officer and three gunmen were killed.',
      '2023-09-25T14:00:00Z',
    );
    const severity = severityOf(events);
    expect(severity.fatalities ?? 0).toBe(0);
    expect(severity.level).toBeLessThan(4);
  });

  it('keeps yesterday’s attack background when the title tells what came after it', () => {
    const events = eventsOf(
      'Police show arsenal seized after monastery attack',
      'The interior ministry on Monday showed rifles and explosives seized from the group that ' +
        'attacked police in Banjska. About 30 men took part in Sunday’s attack, in which a ' +
        'police sergeant was killed.',
      '2023-09-25T16:00:00Z',
    );
    expect(severityOf(events).fatalities ?? 0).toBe(0);
    expect(severityOf(events).level).toBe(3);
  });

  it('does not count aid workers killed a week before a prime minister’s statement', () => {
    const events = eventsOf(
      'Prime minister marks six months of war',
      'The prime minister repeated his call for a humanitarian pause on Sunday. His statement ' +
        'came almost a week after seven aid workers were killed in a strike on their convoy.',
      '2024-04-07T12:00:00Z',
    );
    expect(severityOf(events).fatalities ?? 0).toBe(0);
    expect(severityOf(events).level).toBeLessThan(4);
  });

  it.each([
    [
      'a change of command at a peacekeeping mission',
      'New general takes command of KFOR',
      'A Turkish general took command of the NATO peacekeeping mission in Kosovo on Tuesday. ' +
        'He said the situation in the north remained fragile after the deadly attack last month.',
    ],
    [
      'signs that troops are being pulled back',
      'US sees signs of Serbian drawdown near the border',
      'Washington has seen signs that Serbia is pulling back the troops it massed near Kosovo, ' +
        'a White House spokesman said on Monday. Kosovo said Serbia still had to answer for the ' +
        'attack in Banjska, in which a police officer was killed.',
    ],
    [
      'a week of talks',
      'Envoys spend a week shuttling between the two capitals',
      'EU and US envoys held talks in Pristina and Belgrade all week on the Serb municipalities. ' +
        'Both governments said the talks were useful, and the envoys will return next month.',
    ],
    [
      'an awards show called off because of a war',
      'Music awards show cancelled over Israel-Gaza war',
      'Organisers called off this year’s music awards ceremony in Paris, citing the war between ' +
        'Israel and Hamas. The conflict has killed thousands of people since 7 October.',
    ],
    [
      'a party leader’s letter to councillors',
      'Opposition leader writes to councillors over his Gaza stance',
      'The Labour leader wrote to his party’s councillors on Tuesday to explain his position on ' +
        'the war in Gaza, after several of them resigned. He said he understood their anger over ' +
        'the bombing and the deaths of civilians.',
    ],
  ])('rates %s below an armed clash', (_what, title, body) => {
    const severity = severityOf(eventsOf(title, body, '2023-10-24T12:00:00Z'));
    expect(severity.level).toBeLessThan(4);
  });

  it('rates an explainer under a question title by what it keeps coming back to', () => {
    const title = 'What is behind the fighting along the border?';
    const body =
      'Israeli jets struck targets across southern Lebanon, and Hezbollah fired rockets back. ' +
      'The group says it acts in support of Gaza. Its leader has promised to keep up the ' +
      'pressure, while Israel says it wants residents of the north to be able to go home.';
    expect(severityOf(eventsOf(title, body, '2024-01-10T12:00:00Z')).level).toBeLessThan(4);
  });

  it('does not code bakers blaming flour prices as an accusation', () => {
    const events = eventsOf(
      'Bread costs more in Tirana',
      'Bakers in Tirana raised the price of a loaf on Monday, blaming higher flour costs.',
      '2023-10-02T12:00:00Z',
    );
    expect(news(events).map((event) => event.category)).not.toContain('ACCUSE');
  });
});

describe('attacks and disasters', () => {
  const headline = (title: string) => detectEvents(title, splitSentences(title));

  it('reads "storms" as an assault on a village, not as weather', () => {
    const events = headline(
      'Kosovo police officer killed as armed group storms village of Banjska',
    );
    expect(events.some((event) => event.category === 'ASSAULT')).toBe(true);
    expect(severityOf(events).level).toBeGreaterThanOrEqual(4);
  });

  it('still takes a storm that batters a town for a disaster', () => {
    const events = headline('Two killed as storm batters coastal town');
    expect(events.some((event) => event.category === 'ASSAULT')).toBe(false);
  });

  it('takes deaths in an article about an aid-drop accident for no attack', () => {
    const events = eventsOf(
      'Five killed in aid drop parachute failure',
      'Five people died after a parachute failed on an aid package dropped over Kessen on ' +
        'Friday. A doctor was quoted as saying five people were killed.',
      '2023-09-26T10:00:00Z',
    );
    expect(events.some((event) => event.category === 'ASSAULT')).toBe(false);
  });

  it('reads troops massed at a border as a mobilisation', () => {
    const events = headline('Serbia masses troops on Kosovo border');
    expect(events.map((event) => event.category)).toContain('MOBILIZE');
  });
});

describe('a strike’s place stays out of its trigger', () => {
  it('places "a drone strike in Kessen killed" in Kessen', () => {
    const events = eventsOf(
      'Militia leader killed',
      'A drone strike in Kessen killed at least one leader of the militia on Wednesday.',
      '2023-09-27T10:00:00Z',
    );
    expect(news(events).map((event) => event.place)).toContain('Kessen');
  });
});
