import { describe, expect, it } from 'vitest';
import type { EventMention } from '../../src/analysis/analysis.ts';
import { detectEvents } from '../../src/analysis/events/detect.ts';
import { splitSentences } from '../../src/analysis/sentences.ts';
import { severityOf } from '../../src/analysis/severity.ts';

/** One sentence read on its own, as an event record is, or as a report of the given day. */
const eventsOf = (text: string, published?: string) =>
  detectEvents(text, splitSentences(text), published ? { published } : {});

/** The categories a sentence reports as news: actual and not background. */
const newsOf = (events: readonly EventMention[]) =>
  events
    .filter((event) => event.realis === 'actual' && !event.background)
    .map((event) => event.category);

const backgroundOf = (events: readonly EventMention[]) =>
  events.filter((event) => event.background).map((event) => event.category);

describe('a time cue dates its own phrase, not the sentence', () => {
  it('dates the arrest of "last week’s arrest", not the strike called in protest at it', () => {
    const events = eventsOf(
      'Dock workers in Valdora staged a general strike that closed the port in protest at last week’s arrest of four union leaders.',
    );
    expect(newsOf(events)).toContain('PROTEST');
    expect(backgroundOf(events)).toContain('COERCE');
  });

  it('keeps "last week" a recap when it dates the event itself', () => {
    const events = eventsOf('Rebels attacked an army convoy near Soltra last week.');
    expect(newsOf(events)).not.toContain('ASSAULT');
  });

  it('reads the fall-out of attacks as what came after them, never their news', () => {
    const text =
      'The unit once tracked propaganda and the fall-out online following attacks in the capital.';
    expect(newsOf(eventsOf(text))).not.toContain('ASSAULT');
    expect(backgroundOf(eventsOf(text))).toContain('ASSAULT');
    // The same sentence without it reports the attacks.
    expect(
      newsOf(eventsOf('The unit once tracked propaganda online following attacks in the capital.')),
    ).toContain('ASSAULT');
  });

  it('dates the cause after "following", not the event before it', () => {
    const events = eventsOf(
      'The army has reinforced its troops along the northern border following the discovery of a tunnel there last week, officials said today.',
    );
    expect(newsOf(events)).toContain('MOBILIZE');
  });

  it('reads "since last spring" after an event as a count kept up to now', () => {
    const events = eventsOf(
      'Drone strikes on the militia’s bases have killed at least six of its commanders since last March, defence officials said.',
    );
    expect(newsOf(events)).toContain('ASSAULT');
  });

  it('still reads a war’s toll since a date as background', () => {
    const events = eventsOf(
      'More than 4,000 Palestinians have now been killed in the territory since 3 March, the health ministry says.',
      '2024-05-20T09:00:00Z',
    );
    expect(newsOf(events)).not.toContain('ASSAULT');
  });

  it('still reads a date before the event as the start of what it recaps', () => {
    const events = eventsOf(
      'Tension has been high since last March, when militants attacked a border post in Soltra.',
      '2024-09-10T09:00:00Z',
    );
    expect(newsOf(events)).not.toContain('ASSAULT');
  });
});

describe('a comparison with a period does not date the event', () => {
  it('reads deaths "among the worst since the war began" as today’s, counted as new', () => {
    const events = eventsOf(
      'The army says six of its soldiers have been killed by an explosion in a tunnel, one of the deadliest days for its troops since the war began in October.',
      '2024-03-02T10:00:00Z',
    );
    expect(newsOf(events)).toContain('ASSAULT');
    expect(severityOf(events)).toMatchObject({ level: 5, fatalities: 6, cumulative: false });
  });

  it('still reads a toll kept since the war began as background', () => {
    const events = eventsOf(
      'Some 2,300 soldiers have been killed since the war began in October.',
      '2024-03-02T10:00:00Z',
    );
    expect(newsOf(events)).not.toContain('ASSAULT');
  });
});

describe('a sentence read without its publication day', () => {
  it('takes a weekday as the report’s own week, nearer the event than a recap', () => {
    const events = eventsOf(
      'Troops stormed the village of Orlen on Tuesday, the scene of deadly clashes last year, residents said.',
    );
    expect(newsOf(events)).toContain('COERCE');
  });

  it('takes the days of fighting after "after" as the news when nothing else is', () => {
    const events = eventsOf(
      'Government troops have taken part of a rebel stronghold in the hills after four days of fighting, police said on Friday.',
    );
    expect(newsOf(events)).toContain('ASSAULT');
  });
});

describe('what comes after an attack is not a new attack', () => {
  it('reads officers sacked over a deadly strike as a sanction, the strike its background', () => {
    const events = eventsOf('Army officers sacked over deadly strike on charity convoy');
    expect(newsOf(events)).toEqual(['SANCTION']);
    expect(severityOf(events).level).toBeLessThan(4);
  });

  it('reads the attack a response answers as its background', () => {
    const events = eventsOf(
      "Israel's war cabinet has met to discuss its response to Iran's unprecedented drone and missile attack.",
    );
    expect(backgroundOf(events)).toEqual(['ASSAULT']);
  });

  it('reads a memorial for people killed in a strike as no violence of its own', () => {
    for (const title of [
      'Three aid workers killed in convoy strike remembered as heroes',
      "'Celebration of life' held for medics killed in Gaza",
      'Tributes paid to reporter killed in drone strike',
    ]) {
      const events = eventsOf(title);
      expect(newsOf(events), title).not.toContain('ASSAULT');
      expect(severityOf(events).level, title).toBeLessThan(4);
    }
  });

  it('still reads a strike on mourners as an attack', () => {
    const events = eventsOf('Strike on mourners kills 12 in southern Lebanon');
    expect(newsOf(events)).toContain('ASSAULT');
  });
});

describe('attacks told by what they hit with', () => {
  it('reads a ship hit with missiles or drones as an attack', () => {
    for (const title of [
      'Rebels hit Liberian-flagged freighter with missile',
      'Militia struck an oil terminal with three drones overnight',
    ])
      expect(newsOf(eventsOf(title)), title).toContain('ASSAULT');
  });

  it('does not read a group "backed" by a state as an event of support', () => {
    const events = eventsOf('Iran-backed rebels have hit a cargo ship with two missiles.');
    expect(newsOf(events)).toEqual(['ASSAULT']);
  });

  it('does not read sanctions that hit a company as an attack', () => {
    expect(newsOf(eventsOf('The new rules hit the shipping firm with heavy fines.'))).not.toContain(
      'ASSAULT',
    );
  });
});

describe('strikes named by their targets', () => {
  it('reads strikes on militants’ targets as an air attack, and a teachers’ strike as none', () => {
    expect(
      newsOf(eventsOf('The navy launched strikes on more than a dozen rebel radar sites.')),
    ).toContain('ASSAULT');
    expect(newsOf(eventsOf('Teachers launched strikes on Monday over pay.'))).not.toContain(
      'ASSAULT',
    );
  });
});

describe('a rescue is not an abduction, and a misfire is not a clash', () => {
  it('reads captives "kidnapped by" someone as known, and gives the raid its dead', () => {
    const events = eventsOf(
      'Three hostages kidnapped by the militia were reunited with their families after a raid that medics said killed 31 people.',
      '2024-06-08T12:00:00Z',
    );
    const abduction = events.find((event) => event.mode === 'abduct');
    expect(abduction?.background).toBe(true);
    expect(abduction?.fatalities).toBeNull();
    const deadly = events.find((event) => event.fatalities === 31);
    expect(deadly?.category).toBe('ASSAULT');
    expect(deadly?.mode).toBe('raid');
    expect(deadly?.background).toBe(false);
  });

  it('still reads an abduction told as news', () => {
    const events = eventsOf('Gunmen kidnapped 20 villagers near Marku on Tuesday.');
    expect(events.some((event) => event.mode === 'abduct' && !event.background)).toBe(true);
  });

  it('takes an officer who accidentally fired his gun for no armed clash', () => {
    const events = eventsOf(
      'A police officer accidentally fired his gun on the campus while clearing protesters.',
    );
    expect(events.some((event) => event.mode === 'firearms')).toBe(false);
    expect(
      eventsOf('A police officer fired his gun at the protesters.').map((e) => e.mode),
    ).toContain('firearms');
  });
});

describe('context told after the news', () => {
  it('reads "It comes as ..." and a correction note as background', () => {
    const events = eventsOf(
      'A woman and her son were killed in a missile attack on Kessen on Sunday. It comes as ' +
        'health officials in Soltra said 125 more people had been killed in continuing strikes. ' +
        'Correction: this article wrongly reported that 1,300 people had been killed in the raid.',
      '2024-01-14T12:00:00Z',
    );
    const dead = events.filter((event) => event.fatalities !== null);
    expect(dead.filter((event) => !event.background).map((event) => event.fatalities)).toEqual([2]);
  });
});

describe('a title about what an attack left behind', () => {
  const body =
    'More than 40 shoppers were shot by gunmen who stormed the Kessen market. Survivors say ' +
    'they still cannot sleep.';
  const titled = (title: string) =>
    detectEvents(body, splitSentences(body), { title, published: '2024-02-10T12:00:00Z' });

  it('reads the attack as recalled when the title is about its survivors', () => {
    const events = titled('Bringing survivors of the Kessen market attack back from darkness');
    expect(newsOf(events)).not.toContain('ASSAULT');
  });

  it('still reads it as news under a title that reports it', () => {
    expect(newsOf(titled('Gunmen attack Kessen market'))).toContain('ASSAULT');
  });

  it('reads the attack as recalled when the title is about a video of it', () => {
    const events = titled('Family hope Kessen attack video reminds world of the victims');
    expect(newsOf(events)).not.toContain('ASSAULT');
  });
});

describe('strikes of war and strikes of labour', () => {
  it('reads Israeli strikes and a strike on a school as attacks', () => {
    expect(newsOf(eventsOf('Israeli strikes killed 20 people in Kessen overnight.'))).toContain(
      'ASSAULT',
    );
    expect(newsOf(eventsOf('A strike on a school in Kessen wounded dozens.'))).toContain('ASSAULT');
  });

  it('does not read a teachers’ strike that hit schools as an attack', () => {
    const events = eventsOf('A teachers’ strike hit schools across Soltra on Monday.');
    expect(events.some((event) => event.category === 'ASSAULT')).toBe(false);
  });
});

describe('an attack named for those it left behind', () => {
  it('reads "attack victims" as a known attack and "trade strikes" as a new one', () => {
    const victims = eventsOf('Border Force response to Hamas attack victims probed');
    expect(newsOf(victims)).not.toContain('ASSAULT');
    expect(newsOf(eventsOf('Israel and Hezbollah trade strikes over the border'))).toContain(
      'ASSAULT',
    );
  });
});

describe('an attack as the object of support or opposition', () => {
  it('reads support for an offensive as no new attack', () => {
    const opinion = eventsOf('Most people back their country’s military offensive in Kessen.');
    expect(newsOf(opinion)).not.toContain('ASSAULT');
    const after = eventsOf(
      'Most voters oppose the war. Rebels attacked a convoy near Kessen on Tuesday.',
      '2024-01-10T12:00:00Z',
    );
    expect(newsOf(after)).toContain('ASSAULT');
  });
});
