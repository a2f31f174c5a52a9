import { NOT_NAMES, type PlaceMention } from './actors.ts';

/**
 * Where events happen: the locative phrases of a sentence ("in Rafah", "near the village of
 * Banjska", "in southern Gaza's Khan Younis"), a dateline, and the choice of one of them for an
 * event. A place named for who is there ("officials in Belgrade"), where someone goes ("into
 * Armenia") or comes from is not where an event happened.
 */

export interface Locative {
  start: number;
  end: number;
  /** The gazetteer name when the phrase names a known place, else the name as written. */
  name: string;
  /** A country (or the whole territory of one): less precise than a town named beside it. */
  country: boolean;
  /** Says where someone is ("officials in Belgrade"), not where something happened. */
  attached: boolean;
}

/**
 * Lower case only: capitalised, these begin names ("Northern Ireland", "South Sudan", "West
 * Bank", "Eastern Ghouta").
 */
const ADJECTIVES =
  '(?:the\\s+)?(?:(?:northern|southern|eastern|western|central|north|south|east|west|north-east|north-west|south-east|south-west|north-eastern|north-western|south-eastern|south-western|northeast|northwest|southeast|southwest|northeastern|northwestern|southeastern|southwestern|occupied|besieged|nearby|neighbouring|neighboring|deadly|fatal)\\s+){0,2}';
/** "the southern Gaza city of", "Lebanon's capital of": the words before a unit may be a possessive. */
const UNIT =
  "(?:[\\p{L}'’-]+\\s+){0,2}?(?:town|city|village|camp|district|province|region|area|municipality|neighbourhood|neighborhood|suburb|port|governorate|county|state|capital|border\\s+town|refugee\\s+camp|border\\s+crossing)\\s+of\\s+";
const PART = "\\p{Lu}\\p{L}*(?:-\\p{Lu}\\p{L}*)*(?:['’](?!s(?![\\p{L}]))\\p{L}+)?";
const ARTICLE = '(?:(?:al|el|ad|as|ash|ar|an|ez|at|ed|ul)-)?';
/** Words a headline capitalises that never go on a place's name: "in Jordan Near the Border". */
const TITLE_CASE_WORDS = '(?:Near|In|On|At|Of|And|The|To|For|With|From|After|Amid|As|By)\\s';
const NAME = `${ARTICLE}${PART}(?:\\s+(?!${TITLE_CASE_WORDS})${ARTICLE}${PART}){0,2}`;
/** A name and the kind of place it is, after it: "al-Shuhada village", "Jenin refugee camp". */
const NAMED_UNIT = `${ARTICLE}${PART}(?:\\s+${PART})?\\s+(?:village|town|camp|refugee\\s+camp)(?![\\p{L}])`;
/** A distance before "from": "10km (six miles) from the city of Jenin" is near Jenin. */
const DISTANCE = '(?<=\\d\\s?(?:km|kilometres|kilometers|miles)\\s(?:\\([^)]{1,20}\\)\\s)?)';
/**
 * "on" only before a named town or camp: "a strike on the southern Gaza city of Rafah". "off"
 * only before a name: a ship is hit "off Yemen" or "off the coast of Yemen". A verb of attack
 * before a named town or camp says where too: "the missile hit the town of Kfar Yuval".
 * "through" only before a town or camp so named ("the road through al-Shuhada village"), and
 * "from" only after a distance.
 */
const PREPOSITION = `(?:in|at|near|outside|around|across|inside|off\\s+the\\s+coast\\s+of|off(?=\\s+\\p{Lu})|on\\s+the\\s+outskirts\\s+of|on(?=\\s+${ADJECTIVES}${UNIT})|through(?=\\s+(?:${ADJECTIVES}${UNIT}|${NAMED_UNIT}))|${DISTANCE}from|(?:hit|struck|shelled|bombed|targeted)(?=\\s+${ADJECTIVES}${UNIT})|(?:north|south|east|west|north-east|north-west|south-east|south-west)\\s+of)`;
/**
 * "in the northern Kosovo village of Banjska", "near Khan Younis", "in southern Gaza's Rafah",
 * "on the city of Rafah".
 */
export const LOCATIVE_BODY = `${PREPOSITION}\\s+${ADJECTIVES}(?:${UNIT})?(?:(${NAME})['’]s\\s+)?(${NAME})(?![\\p{L}'’-])`;
/**
 * LOCATIVE without its opening lookbehind (no letter before the preposition), tried only where
 * one of PREPOSITION_STARTS begins and no letter precedes it, in place of a RegExp tried at
 * every character of every sentence.
 */
const LOCATIVE_AT = new RegExp(LOCATIVE_BODY, 'uy');
/** Every alternative of PREPOSITION starts with one of these. */
const PREPOSITION_STARTS = [
  'in',
  'at',
  'near',
  'outside',
  'around',
  'across',
  'off',
  'on',
  'hit',
  'struck',
  'shelled',
  'bombed',
  'targeted',
  'through',
  'from',
  'north',
  'south',
  'east',
  'west',
];
const LETTER_BEFORE = /\p{L}$/u;
/**
 * A preposition of PREPOSITION_STARTS that opens a sentence, after any quote mark. Anchored at
 * the start: as a lookbehind it read a long run of spaces back from each of its characters.
 */
const OPENING_PREPOSITION = /^[\s"'“‘]*(In|At|Near|Outside|Around|Across|Inside|On)(?=\s)/u;

/**
 * Whether a letter precedes `at`: ASCII decided inline, since most places a preposition's
 * letters are found ("within", "meeting") are inside a word.
 */
function letterBefore(sentence: string, at: number): boolean {
  if (at === 0) return false;
  const code = sentence.charCodeAt(at - 1) | 0x20;
  if (code < 0x80) return code >= 0x61 && code <= 0x7a;
  return LETTER_BEFORE.test(sentence.slice(Math.max(0, at - 2), at));
}

/** The matches `sentence.matchAll(/(?<!\p{L})LOCATIVE/gu)` gives, in order. */
export function locativeMatches(sentence: string): RegExpExecArray[] {
  // "In Gaza, Israeli tanks ...": a sentence's capitalised first word is read in lower case,
  // which keeps every offset.
  const opening = OPENING_PREPOSITION.exec(sentence);
  if (opening) {
    const word = opening[1]!;
    const at = opening[0].length - word.length;
    sentence = sentence.slice(0, at) + word.toLowerCase() + sentence.slice(at + word.length);
  }
  const starts: number[] = [];
  for (const word of PREPOSITION_STARTS)
    for (let at = sentence.indexOf(word); at !== -1; at = sentence.indexOf(word, at + 1))
      if (!letterBefore(sentence, at)) starts.push(at);
  starts.sort((a, b) => a - b);
  const found: RegExpExecArray[] = [];
  let next = 0;
  for (const at of starts) {
    if (at < next) continue;
    LOCATIVE_AT.lastIndex = at;
    const match = LOCATIVE_AT.exec(sentence);
    if (!match) continue;
    found.push(match);
    next = at + Math.max(1, match[0].length);
  }
  return found;
}
/** People and institutions a place is attached to rather than an event: "officials in Belgrade". */
const ATTACHED =
  /\b(?:officials?|government|authorities|leaders?|leadership|ministry|ministers?|embassy|embassies|ambassadors?|envoys?|court|prosecutors?|spokes(?:man|woman|person)|diplomats?|correspondents?|editor|reporters?|counterparts?|regime|headquarters|parliament|based|born|living|lives|lived|studied|grew\s+up|office|offices|delegation|mission|students?|university|relatives|family)\s*$/i;

/** Names of bodies, not places: "in the Security Council", "in Palestinian Red Crescent". */
const INSTITUTION =
  /\s(?:Council|Crescent|Cross|Nations|Union|Assembly|Court|Congress|Parliament|Commons|Senate|Ministry|Party|Agency|Office|Army|Forces|Brigades?|Movement|Front|Organi[sz]ation|Authority|Government|Committee|Commission|Fund|Programme|Program|Group|Media|News|Times|Post)$/u;
/**
 * "at the University of California, Los Angeles": the noun alone, cut at "of", names no place
 * ("Columbia University" does).
 */
const BARE_INSTITUTION = /^(?:University|College|School|Academy|Institute)$/u;
/** A nationality before its noun ("in Israeli strikes"): an adjective, not a place. */
const DEMONYM = /^\p{Lu}\p{L}+(?:i|ian|ese|ish)$/u;
/**
 * An organisation's initials before its noun ("south of the UNRWA shelter", "in the ICJ case"):
 * whose, not where. A country's initials stay places ("protests at US universities").
 */
const ACRONYM = /^(?!(?:US|UK|USA|UAE|DRC)$)\p{Lu}{2,}$/u;
const FUNCTION_WORD =
  /^\s+(?:on|in|at|and|or|but|as|after|before|since|near|during|when|where|was|were|is|are|has|have|had|said|says|to|for|with|by|from|of|that|which|who|last|this|early|late|overnight|earlier|later|city|town|camp|province|region|area|strip|district|village|county|governorate|municipality|neighbou?rhood|suburb|upazila|division|prefecture)\b/u;

/** The locative phrases of a sentence, with gazetteer names where they name a known place. */
export function findLocatives(sentence: string, places: readonly PlaceMention[]): Locative[] {
  const found: Locative[] = [];
  for (const match of locativeMatches(sentence)) {
    const written = match[2]!;
    const nameStart = match.index + match[0].length - written.length;
    const nameEnd = nameStart + written.length;
    const attached = ATTACHED.test(sentence.slice(Math.max(0, match.index - 30), match.index));
    const known = places.find((place) => place.start < nameEnd && place.end > nameStart);
    if (!known) {
      if (
        NOT_NAMES.has(written.split(/\s+/)[0]!.toLowerCase()) ||
        INSTITUTION.test(` ${written}`) ||
        BARE_INSTITUTION.test(written)
      )
        continue;
      const next = sentence.slice(nameEnd, nameEnd + 20);
      if (
        (DEMONYM.test(written) || ACRONYM.test(written)) &&
        /^\s+\p{Ll}/u.test(next) &&
        !FUNCTION_WORD.test(next)
      )
        continue;
    }
    found.push({
      start: match.index,
      end: nameEnd,
      name: known?.name ?? written,
      country: known?.country ?? false,
      attached,
    });
  }
  return found;
}

/** The war or cause a place is named for before it: "protesting against the war in Gaza". */
const CAUSE_BEFORE =
  /\b(?:war|wars|conflict|fighting|offensive|bombing|bombardment|invasion|genocide|siege|occupation|violence|crisis|killings?|deaths|action|operations?|campaign|strikes|attacks|assault|blockade|ceasefire|truce|aid|solidarity\s+with|support\s+(?:of|for)|over|against|about)\s*$/iu;
/**
 * A protest named for a territory at war: "Gaza protesters", "a Ukraine war rally". A town or
 * a campus named so is where the protest is ("the Columbia protest", "a Belfast rally").
 */
const PROTEST_AFTER =
  /^[\s-]+(?:war\s+)?(?:protests?|protesters?|protesting|rall(?:y|ies)|march(?:es|ers)?|demonstrations?|demonstrators|vigils?|solidarity)\b/iu;
const TERRITORY = /^(?:Gaza(?: Strip)?|West Bank|Palestine|Palestinian territories)$/u;

/**
 * Whether a place (a locative phrase, or a name) is what a protest is about rather than where it
 * is: protests abroad over a war are named for the war's place ("Gaza protesters at Columbia",
 * "a march against the war in Ukraine"), and those in the place itself rarely are.
 */
export function namesProtestCause(
  sentence: string,
  at: { start: number; end: number; name: string; country: boolean },
): boolean {
  return (
    CAUSE_BEFORE.test(sentence.slice(Math.max(0, at.start - 40), at.start)) ||
    ((at.country || TERRITORY.test(at.name)) &&
      PROTEST_AFTER.test(sentence.slice(at.end, at.end + 30))) ||
    /\bpro-$/iu.test(sentence.slice(Math.max(0, at.start - 4), at.start))
  );
}

/** Words that open another clause or a report of speech: a place beyond one is not the event's. */
const CLAUSE_BREAK =
  /[;:()"“”]|\s[—–]\s|\b(?:said|says|say|told|tells|added|adding|wrote|according\s+to|announced|stated|insisted|warned|while|whereas|but|who|which|whom|since|after|before|following|amid)\b/iu;

/** A distance's conversion opens no clause: "10km (six miles) from the city of Jenin". */
const ASIDE = /\((?:about\s+|some\s+|around\s+)?[\w.,-]+\s?(?:km|kilometres|kilometers|miles?)\)/gu;

/** Whether text between an event's trigger and a place opens another clause. */
function breaksClause(between: string): boolean {
  return CLAUSE_BREAK.test(between.includes('(') ? between.replace(ASIDE, ' ') : between);
}

/**
 * A time phrase and its comma before the opening place: "On 1 Jan 2010, in Patuakhali district
 * (Barisal), two factions clashed", the way event notes begin.
 */
const WHEN_FIRST = /^\s*(?:on|in|at|late|early|overnight|last|earlier)\b[^,]{0,25},\s*$/iu;

/**
 * The place of the event whose trigger spans [start, end): the nearest locative after the
 * trigger in its clause, else the nearest before it in its clause, else a locative opening the
 * sentence ("In Rafah, ..."), else a town named right before the trigger ("the Banjska attack").
 * Null when the sentence does not place the event.
 */
export function eventPlace(
  sentence: string,
  locatives: readonly Locative[],
  places: readonly PlaceMention[],
  trigger: { start: number; end: number },
): string | null {
  // A place attached to someone ("a court in Belgrade") ends the search on its side.
  // "the missile hit the town of Kfar Yuval": a locative may open with the trigger's verb.
  const after = locatives.find(
    (locative) =>
      (locative.start >= trigger.end ||
        (locative.start > trigger.start && locative.end > trigger.end)) &&
      !breaksClause(sentence.slice(trigger.end, locative.start)),
  );
  if (after && !after.attached) return specific(sentence, locatives, after);
  const before = locatives
    .filter(
      (locative) =>
        locative.end <= trigger.start && !breaksClause(sentence.slice(locative.end, trigger.start)),
    )
    .at(-1);
  if (before && !before.attached) return specific(sentence, locatives, before);
  const opening = locatives.find((locative) => !locative.attached);
  if (
    opening &&
    /^[^,]{0,40},/.test(sentence.slice(opening.start)) &&
    (opening.start < 12 || WHEN_FIRST.test(sentence.slice(0, opening.start)))
  )
    return opening.name;
  const modifier = places.find(
    (place) =>
      !place.country &&
      !place.capital &&
      place.end <= trigger.start &&
      /^\s*(?:[\p{L}-]+\s+)?$/u.test(sentence.slice(place.end, trigger.start)),
  );
  return modifier?.name ?? null;
}

/** "near the village of Banjska in northern Kosovo": the town, not the country after it. */
function specific(sentence: string, locatives: readonly Locative[], chosen: Locative): string {
  if (!chosen.country) return chosen.name;
  const town = locatives.find(
    (locative) =>
      !locative.country &&
      !locative.attached &&
      locative.end <= chosen.start &&
      /^[\s,]*$/.test(sentence.slice(locative.end, chosen.start)),
  );
  return town?.name ?? chosen.name;
}

/** Most specific first: a town named beside its country ("Khan Younis, in Gaza") wins. */
export function mostSpecific(names: readonly Locative[]): Locative | undefined {
  const free = names.filter((name) => !name.attached);
  return free.find((name) => !name.country) ?? free[0];
}

const DATELINE =
  /^\s*(\p{Lu}[\p{Lu}'’. -]{2,40}?)(?:,\s*\p{Lu}[\p{L} .]{1,30}?)?\s*(?:\([^)]{1,30}\))?\s*[—–-]\s/u;

/** A sentence without the dateline that opens it ("TEL AVIV, Israel — Pressure was ..."). */
export function withoutDateline(sentence: string): string {
  const match = DATELINE.exec(sentence.slice(0, 120));
  return match ? sentence.slice(match[0].length).trimStart() : sentence;
}

/** The place of a dateline opening the body ("TEL AVIV, Israel –" gives "Tel Aviv"), if any. */
export function datelinePlace(body: string): string | null {
  const match = DATELINE.exec(body.slice(0, 120));
  if (!match) return null;
  return match[1]!
    .trim()
    .toLowerCase()
    .replace(/(^|[\s'-])\p{L}/gu, (letter) => letter.toUpperCase());
}
