import type { EventMention } from '../analysis.ts';
import gazetteer from '../events/places.json' with { type: 'json' };
import countryData from './countries.json' with { type: 'json' };
import data from './parties.json' with { type: 'json' };

interface PartyFile {
  parties: Record<string, string[]>;
}

const PARTY_OF = new Map(
  Object.entries((data as unknown as PartyFile).parties).flatMap(([party, names]) =>
    names.map((name) => [name, party] as const),
  ),
);
/** The parties' names as written (case matters: "US" is a party, "us" is not), longest first. */
const PARTY = new RegExp(
  `(?<![\\p{L}\\p{N}.])(?:${[...PARTY_OF.keys()]
    .sort((a, b) => b.length - a.length)
    .map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'))
    .join('|')})(?![\\p{L}\\p{N}])`,
  'gu',
);
/** The country (a key of `countries.json`) of each place name, folded to lower case. */
const COUNTRY_OF = new Map<string, string>([
  ...gazetteer.places.flatMap((place) =>
    [place.name, ...place.aliases].map(
      (name) => [name.toLowerCase(), place.country.toLowerCase()] as const,
    ),
  ),
  ...Object.entries((countryData as { countries: Record<string, string[]> }).countries).flatMap(
    ([country, names]) => names.map((name) => [name.toLowerCase(), country] as const),
  ),
]);

/** The country of an event's place, or null for a place not listed. */
export const countryOf = (place: string | null): string | null =>
  place === null ? null : (COUNTRY_OF.get(place.toLowerCase()) ?? null);

/** An auxiliary between a party and the attack after it: told in the passive, the party is hit. */
const PASSIVE = /\b(?:was|were|been|being|is|are)\b/iu;
/** "the attack by the Houthis": a party after "by" just after the attack carried it out. */
const AGENT = /^\W*(?:[\p{L}-]+\s+){0,3}?by\s+(?:[\p{L}'’-]+\s+){0,3}$/iu;
/** Words of deaths and wounds: a party before them may be the victims' ("Israeli soldiers killed"). */
const HARM = /(?:killed|dead|died|wounded|injured|hurt|slain|kills|killing)$/iu;
/**
 * A party that speaks ("Hamas-run ministry says", "the IDF said") tells of the attack, it does
 * not act, unless it speaks of itself ("Hamas says it has launched").
 */
const SPEAKS =
  /^\W*(?:[\p{L}'’-]+\s+){0,3}?(?:said|says|say|told|claimed|claims|according)\b(?!\s+(?:that\s+)?(?:it|they)\b)/iu;
/** "a US-owned ship", "an Israel-linked tanker": the party's property is hit, whatever the order. */
const OWNED = /^\s*-\s*(?:owned|flagged|operated|registered|linked|bound)\b/iu;
/** "According to US Central Command, ...": the party is the source of the report. */
const CITED = /\baccording\s+to\s+(?:the\s+)?$/iu;
/** Words between a party and an attack it names as its own: "Israeli air strike", "Houthi attack". */
const ADJECTIVE = /^\W*(?:[\p{L}-]+\s+){0,2}$/u;

/**
 * Where the attack's clause ends: what follows ("..., after weeks of Houthi attacks", "..., and
 * warships shot them down") tells of other deeds, with other roles.
 */
const CLAUSE_END =
  /[;:]|,\s+(?:and|after|as|while|following|amid|since|before|but|which|who|when)\b|\s[—–]\s/u;

/**
 * Who attacked whom in a report's attacks, as party keys (`parties.json`), and where: the
 * countries of their places (`countries.json`), when known.
 */
export interface AttackRoles {
  attackers: string[];
  targets: string[];
  places?: string[];
}

/**
 * The parties that carry out and suffer the attacks (actual ASSAULT events) a report tells,
 * read from each attack's sentence: a party before an attack acts ("The United States and
 * Britain launched strikes", "an Israeli air strike") unless the attack is told in the passive;
 * a party after it is attacked ("strikes on Houthi targets", "rockets at Tel Aviv") unless "by"
 * names it the agent. A party before words of deaths ("Hamas official killed") or one that only
 * speaks ("Hamas says") is left out, and so is what follows the attack's clause. Only named parties count, so a report that names none has
 * no roles and is never told apart by them.
 */
export function attackRoles(events: readonly EventMention[]): AttackRoles {
  const attackers = new Set<string>();
  const targets = new Set<string>();
  const places = new Set<string>();
  for (const event of events) {
    if (event.category !== 'ASSAULT') continue;
    const country = countryOf(event.place);
    if (country) places.add(country);
    const first = event.trigger.end - event.start;
    const rest = event.text.slice(first).search(CLAUSE_END);
    const text = rest === -1 ? event.text : event.text.slice(0, first + rest);
    const triggers = event.triggers
      .map((trigger) => ({
        start: trigger.start - event.start,
        end: trigger.end - event.start,
        text: trigger.text,
      }))
      .filter((trigger) => trigger.end <= text.length)
      .sort((a, b) => a.start - b.start);
    for (const match of text.matchAll(PARTY)) {
      const party = PARTY_OF.get(match[0].replace(/\s+/g, ' '));
      const end = match.index + match[0].length;
      if (!party || SPEAKS.test(text.slice(end)) || CITED.test(text.slice(0, match.index)))
        continue;
      if (OWNED.test(text.slice(end))) {
        targets.add(party);
        continue;
      }
      // A trigger that begins with the party names it as the attack's own ("killed by Israeli
      // strikes"); one it ends on names its object ("battled Israeli forces").
      if (triggers.some((trigger) => trigger.start === match.index && end < trigger.end)) {
        attackers.add(party);
        continue;
      }
      const next = triggers.find((trigger) => trigger.start >= end);
      const inside = triggers.some((trigger) => match.index >= trigger.start && end <= trigger.end);
      if (next && !inside) {
        const between = text.slice(end, next.start);
        if (!HARM.test(next.text) && ADJECTIVE.test(between)) attackers.add(party);
        else if (HARM.test(next.text)) continue;
        else if (PASSIVE.test(between) && !/ing$/iu.test(next.text)) targets.add(party);
        else attackers.add(party);
      } else {
        const last = triggers.filter((trigger) => trigger.start <= match.index).at(-1);
        const agent =
          last !== undefined && !inside && AGENT.test(text.slice(last.end, match.index));
        (agent ? attackers : targets).add(party);
      }
    }
  }
  for (const party of attackers) targets.delete(party);
  return {
    attackers: [...attackers].sort(),
    targets: [...targets].sort(),
    places: [...places].sort(),
  };
}

/**
 * The parties named in `text` before `end`: the side that acts in a headline's clause ("Israel
 * orders evacuation of ...", "Russia masses troops near ...").
 */
export function partiesBefore(text: string, end: number): Set<string> {
  const parties = new Set<string>();
  for (const match of text.slice(0, end).matchAll(PARTY)) {
    const party = PARTY_OF.get(match[0].replace(/\s+/g, ' '));
    if (party) parties.add(party);
  }
  return parties;
}

/** Roles as `story_articles.roles` keeps them: "a:us a:uk t:houthis p:yemen". */
export const encodeRoles = (roles: AttackRoles) =>
  [
    ...roles.attackers.map((party) => `a:${party}`),
    ...roles.targets.map((party) => `t:${party}`),
    ...(roles.places ?? []).map((country) => `p:${country}`),
  ].join(' ');

export function decodeRoles(text: string): AttackRoles {
  const words = text.split(' ').filter(Boolean);
  const tagged = (tag: string) =>
    words.filter((word) => word.startsWith(tag)).map((word) => word.slice(tag.length));
  return { attackers: tagged('a:'), targets: tagged('t:'), places: tagged('p:') };
}

/**
 * Whether a report's attacks happen in other countries than every attack of a story: an
 * Israeli strike in Syria and one on a Gaza camp the same day are two events. A report or a
 * story that places no attack decides nothing.
 */
export function elsewhere(report: AttackRoles, story: readonly AttackRoles[]): boolean {
  const storyPlaces = new Set(story.flatMap((roles) => roles.places ?? []));
  const places = report.places ?? [];
  return (
    places.length > 0 && storyPlaces.size > 0 && places.every((place) => !storyPlaces.has(place))
  );
}

/**
 * Whether an attack is the answer to a story's attacks rather than more of them: it strikes a
 * party that attacked in the story, and none of the story's attackers takes part in it (the
 * US-UK strikes on the Houthis after the Houthis' attacks on shipping; a rocket salvo at Tel
 * Aviv on the day of an Israeli strike on Rafah). Either side naming no party decides nothing.
 */
export function answersAttack(report: AttackRoles, story: readonly AttackRoles[]): boolean {
  const storyAttackers = new Set(story.flatMap((roles) => roles.attackers));
  return (
    report.attackers.length > 0 &&
    report.attackers.every((party) => !storyAttackers.has(party)) &&
    report.targets.some((party) => storyAttackers.has(party))
  );
}
