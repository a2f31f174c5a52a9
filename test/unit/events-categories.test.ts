import { describe, expect, it } from 'vitest';
import { detectEvents } from '../../src/analysis/events/detect.ts';
import { ploverScore } from '../../src/analysis/events/scores.ts';
import { splitSentences } from '../../src/analysis/sentences.ts';

const events = (text: string) => detectEvents(text, splitSentences(text));
const categories = (text: string) => events(text).map((event) => `${event.category}:${event.mode}`);

describe('PLOVER categories and modes', () => {
  it('codes an armed clash as ASSAULT with firearms and records its trigger words', () => {
    const text =
      'Kosovo police and an armed group exchanged fire for hours near the Banjska monastery.';
    const [event] = events(text);
    expect(event).toMatchObject({ category: 'ASSAULT', mode: 'firearms', realis: 'actual' });
    expect(event?.score).toBe(ploverScore('ASSAULT', 'firearms'));
    expect(text.slice(event!.trigger.start, event!.trigger.end)).toBe(event!.trigger.text);
    expect(event?.trigger.text).toMatch(/exchanged fire/);
    expect(event?.place).toBe('Banjska');
  });

  it('codes a headline\'s "missile hits" and "drone hits" as an attack', () => {
    expect(categories('Houthi missile hits US-owned cargo ship off Yemen')).toEqual([
      expect.stringMatching(/^ASSAULT:/),
    ]);
    expect(categories('Drone hits Tel Aviv apartment block')).toEqual(['ASSAULT:drone']);
  });

  it('codes missiles or shells fired at a place as heavy weapons, shots fired at it as firearms', () => {
    expect(categories('Hezbollah fired dozens of rockets at northern Israel on Saturday.')).toEqual(
      ['ASSAULT:heavy-weapons'],
    );
    expect(categories('The aircraft fired two missiles at the school.')).toEqual([
      'ASSAULT:heavy-weapons',
    ]);
    expect(categories('Soldiers fired at the crowd on Saturday.')).toEqual(['ASSAULT:firearms']);
  });

  it('codes strikes on a facility as an attack, but not a strike that hits schools', () => {
    expect(categories('Israeli strikes on a UN facility in southern Gaza')).toEqual([
      'ASSAULT:null',
    ]);
    // "hit" and "at" were tried: a teachers' strike hits schools, and is held at them.
    expect(categories('A teachers’ strike hit schools and closed facilities on Monday.')).toEqual(
      [],
    );
  });

  it('codes a raid as an attack unless police make it, and an air-raid siren as nothing', () => {
    expect(categories('Fears for patients as Israel hospital raid continues')).toEqual([
      'ASSAULT:raid',
    ]);
    expect(events('The raid killed two civilians in Banjska.')).toMatchObject([
      { category: 'ASSAULT', fatalities: 2 },
    ]);
    expect(categories('Police raided the offices of the party in Pristina.')).toEqual([
      'COERCE:arrest',
    ]);
    expect(
      categories('Air raid sirens sounded in Tel Aviv and people ran to air-raid shelters.'),
    ).toEqual([]);
    expect(categories('An air raid hit the camp.')).toEqual(['ASSAULT:aerial']);
  });

  it('codes troops massed at the border as MOBILIZE:troops', () => {
    expect(categories('Serbian troops massed along the border with Kosovo on Thursday.')).toContain(
      'MOBILIZE:troops',
    );
    expect(categories('Belgrade put the army on the highest level of combat readiness.')).toContain(
      'MOBILIZE:troops',
    );
    // A name, not a mobilisation.
    expect(
      categories('The Popular Mobilisation Forces said one of their fighters was wounded.'),
    ).not.toContain('MOBILIZE:troops');
  });

  it('codes barricades by residents as PROTEST:obstruct and a blockade by the state as COERCE', () => {
    expect(categories('Local Serbs erected barricades on the road to Jarinje.')).toContain(
      'PROTEST:obstruct',
    );
    expect(categories('The army imposed a blockade on the town of Lachin.')).toContain(
      'COERCE:restrict',
    );
  });

  it('codes protesters blocking a road as PROTEST:obstruct, and a government blocking a plan as nothing', () => {
    expect(categories('Farmers blocked roads into the capital with tractors on Sunday.')).toContain(
      'PROTEST:obstruct',
    );
    expect(categories('Dockers blocking the port entrance stopped the ferry.')).toContain(
      'PROTEST:obstruct',
    );
    expect(categories('Activists blocked aid trucks bound for Gaza at the crossing.')).toContain(
      'PROTEST:obstruct',
    );
    for (const text of [
      'The prime minister has blocked plans for a field hospital for children from Gaza.',
      'The US blocked a resolution at the UN Security Council calling for a ceasefire.',
      'Senate Republicans have blocked a move to pass an aid bill.',
    ])
      expect(categories(text)).not.toContain('PROTEST:obstruct');
  });

  it('codes defaced websites as censorship, and a defaced mural as no coercion of the press', () => {
    expect(categories('Hackers defaced hundreds of government websites overnight.')).toContain(
      'COERCE:censor',
    );
    expect(
      categories('A peace mural painted on a street in London has been defaced.'),
    ).not.toContain('COERCE:censor');
  });

  it('codes ceasefires and withdrawals as RETREAT, a de-escalation with a positive score', () => {
    const ceasefire = events('Both sides agreed a ceasefire on Wednesday evening.');
    expect(ceasefire.map((event) => event.category)).toContain('RETREAT');
    const withdrawal = events('Serbia withdrew most of its units from the administrative line.');
    const retreat = withdrawal.find((event) => event.category === 'RETREAT');
    expect(retreat).toMatchObject({ mode: 'withdraw', realis: 'actual' });
    expect(retreat!.score).toBeGreaterThan(0);
  });

  it('tells riot police (an actor) from a riot (an event)', () => {
    expect(categories('Riot police stood guard outside the town hall.')).not.toContain(
      'PROTEST:riot',
    );
    expect(categories('Protesters rioted outside the town hall.')).toContain('PROTEST:riot');
    // "Unrest" names no event: campus unrest, unrest across the region.
    expect(
      categories('Campus unrest has dominated the debate over the Middle East.'),
    ).not.toContain('PROTEST:riot');
  });

  it('moves no troops when resources, money or support are mobilised, and meets no one in the Met', () => {
    for (const sentence of [
      'The company has mobilised significant resources to keep its users safe.',
      'The charity deploys many NHS staff to emergencies abroad.',
      'We mobilized support for Ukraine before the invasion.',
    ])
      expect(categories(sentence)).not.toContain('MOBILIZE:troops');
    expect(categories('Serbia mobilised reservists on Sunday.')).toContain('MOBILIZE:troops');
    expect(categories("Cases were passed to the Met's counter-terrorism branch.")).toEqual([]);
    expect(categories('The Met Police said two men were arrested.')).not.toContain('CONSULT:null');
    expect(categories('Vučić met Kurti in Brussels on Monday.')).toContain('CONSULT:null');
  });

  it('names who acts on whom, also in the passive voice', () => {
    const [active] = events('Masked gunmen ambushed a Kosovo police patrol near Zvečan.');
    expect(active).toMatchObject({ source: 'Masked gunmen', target: 'Kosovo police' });
    const [passive] = events('A Kosovo police patrol was attacked by armed men near Zvečan.');
    expect(passive).toMatchObject({ source: 'armed men', target: 'Kosovo police' });
  });

  it('keeps a background mention apart from the main event of its sentence', () => {
    const found = events('The two sides declared a truce after three days of fighting.');
    expect(found.find((event) => event.category === 'RETREAT')?.background).toBe(false);
    expect(found.find((event) => event.category === 'ASSAULT')?.background).toBe(true);
  });
});
