import { STOP_WORDS, isCommonWord, isFirstName, isOrganisationName, isPlace } from '../lexicon.ts';
import { tokenize, type Token } from '../tokens.ts';

/**
 * What a sentence of an answer turn does:
 * - `procedural`: it runs the room (greetings, thanks, who speaks next, how long the questions
 *   last, "Go ahead, Nancy", "Anne, over to you"): no one's statement, summary or event;
 * - `agenda`: it announces what will be said ("I want to talk about Kursk", "Anne has an update
 *   on the cyber incident"): kept before what it announces, never a statement on its own;
 * - `empty`: it names nothing at all ("Then, I'm going to join.", "That's right."): kept inside
 *   a passage, never a statement on its own;
 * - `content`: it says something about the world.
 */
export type SentenceRole = 'procedural' | 'agenda' | 'empty' | 'content';

/**
 * Acts that run the room whatever else the sentence names: handing over ("with that, I'll turn
 * it over to", "over to you"), introducing who is present ("is on the line", "joins us"), and
 * opening or closing the questions. A hand-over names the next speaker, their title and topic,
 * so these allow many content words.
 */
const HAND_OVER =
  /\b(?:over to (?:you|him|her|them)|turn (?:it|things|this|the podium|the floor) (?:back )?over|hand (?:it|things|this) (?:back )?(?:over|off)|(?:^|, )(?:and |so |okay,? |all right,? )?with that,? (?:i|we|let me|let's)\b|(?:is|are) (?:here )?(?:with us|on the line|on the call)|join(?:s|ed|ing)? (?:us|me)(?: (?:today|here|now|again|this (?:morning|afternoon|evening)|virtually|remotely|from [^,.;]*))?(?=[,.;:!?—]|$)|(?:we're|we are|i'm|i am) (?:also )?joined\b|(?:here|with us) to (?:talk|speak|discuss|take|answer|give|provide|walk|share|brief|preview|update|announce)|(?:please )?welcome (?:back )?(?:to the|everybody|everyone|you all|all of you)|(?:to|let me|i'd like to|i want to) introduce|(?:'ll|will|can|let me|let's|happy to|glad to|going to|and then|then) (?:start |begin )?(?:take|taking|answer|answering|open (?:it |things )?up(?: for| to)?|get to|go to) (?:some |a few |a couple of |your |the )?questions|wrap(?:ping)? (?:it |this |things )?up|take whatever (?:is |you have |you've got )?on your minds?|(?:don't|do not) have (?:a |any )(?:topper|toppers|opener|opening statement)\b|that's (?:all|it) (?:i've got|i have|for (?:me|today|now))|out of time)/;

/**
 * Acts of the exchange itself: thanks, greetings, wishes, apologies and turn-taking addressed
 * to the room. They count only when the sentence says little else ({@link CONTENT_LIMIT}).
 * "Thanks to", "thanked" and "appreciates" describe others, so they are not here.
 */
const EXCHANGE =
  /(?:^|[^\w'])(?:thank you|thanks(?! to)|(?:i|we) (?:really |truly )?appreciate (?:it|that|you|the question|your)|good (?:morning|afternoon|evening|to see|to be)|^(?:hi|hello|hey)\b|^welcome|(?:you're |you are )?welcome (?:back|aboard|everybody|everyone|all|to)|you're welcome|congratulations|merry|happy (?:holidays|new year|thanksgiving|birthday|easter|hanukkah|friday|monday)|same to you|you too|(?:i|we) hope\b[^.?!]*\byou\b|nice to (?:see|meet|be)|great to (?:see|be)|glad to (?:see|be)|(?:a |my )?pleasure|privilege to|honou?r to be|i'm sorry|excuse me|pardon me|^pardon|beg your pardon|go ahead|call(?:ed|ing)? on (?:you|him|her|them|somebody|someone|people|folks)|come (?:back )?(?:to|around to) you|get (?:back )?to you|(?:last|final|next|another) (?:one|question)|(?:one|two|three|a couple|a few|just a couple|just a few) more\b|in the (?:back|middle(?! east)|front|aisle|corner)|behind you|over here|over there|move on|before we (?:begin|start|get started|continue|go)|(?:let me|let's|i'll|we'll) (?:start|begin|kick (?:it |things |us )?off)|kick (?:it|things|us) off|without further ado|knock (?:this|it) out|(?:have|need|got) to (?:go|run|leave|get going)|(?:i'll|i will|we'll|we will) be back\b|(?:take|answer|get to|come back to) (?:that|this|it|those|yours?)(?: one| question)? (?:then|later|tomorrow|next time|another time)|the (?:podium|lectern|briefing room)|this (?:podium|lectern|gaggle|briefing))(?![\w'])/;

/** Announcing what will be said, rather than saying it. */
const AGENDA =
  /\b(?:(?:i|we)(?:'m| am|'re| are|'d| would| do| just| really| also)* (?:want(?:ed)?|going|like|hoping|happy|glad|able) to (?:talk|speak|share|give you|provide|offer|update|walk|read|start|begin|flag|mention|touch|highlight|preview|discuss)\b|(?:i'll|we'll|i will|we will|let me|let's) (?:just )?(?:talk|speak|share|give you|provide|offer|update|walk|read|start|begin|flag|mention|touch|highlight|preview|discuss)\b|(?:an|a|one|two|a couple(?: of)?|a few) (?:quick |short |brief |big )?(?:update|updates|topper|toppers|readout|announcement|announcements|preview|things?|items?|points?|notes?) (?:on|about|for|at|to)\b)/;

/**
 * A refusal ("I'm not going to speak to that", "I don't have an update on the talks") is an
 * answer, and "what I want to highlight is ..." says it in the same sentence.
 */
const SAYS_MORE = /\b(?:not|no|never|don't|won't|can't|didn't|haven't|what (?:i|we))\b/;

/** Content words an exchange may hold and still be one ("Thanks for doing this during the holiday week"). */
const CONTENT_LIMIT = 2;
/**
 * A courtesy is short: past this many words a sentence that says "I'm sorry" or "the podium"
 * is correcting itself or answering ("— I'm sorry, over the weekend he charged his team ...").
 */
const EXCHANGE_WORDS = 24;
/** Past this many words, an exchange phrase with a negation is a refusal, which is an answer. */
const REFUSAL_WORDS = 10;
/** A hand-over names who comes next, their title and topic. */
const HAND_OVER_LIMIT = 14;
/** An announcement is short: past this many content words it says something itself. */
const AGENDA_LIMIT = 4;
/** Longer than this (in characters), a sentence names something: no need to count its words. */
const EMPTY_CHARS = 120;

/**
 * Words that carry no subject of their own in spoken answers: function words, pronouns and
 * their contractions, fillers, light verbs, and the vocabulary of the room itself (the
 * questions, the time, the people present, courtesy and seasons' greetings).
 */
const EMPTY = new Set([
  ...STOP_WORDS,
  ...(
    "i'm i'll i've i'd we're we'll we've we'd you're you'll you've you'd he's she's it's that's " +
    "there's here's what's let's don't didn't doesn't haven't hasn't won't can't couldn't " +
    "wouldn't shouldn't isn't aren't wasn't weren't ain't gonna wanna gotta y'all " +
    'me us him them mine ours yours myself ourselves yourself yourselves themselves ' +
    'okay ok yeah yes yep yup no nope well oh um uh ah so now then again just really very ' +
    'actually certainly sure right alright look anyway please maybe probably definitely ' +
    'quite pretty little bit lot lots kind sort thing things way ways stuff ' +
    'get gets got getting go goes going went gone come comes coming came make made do doing done ' +
    'want wanted wants try trying tried like know knew think thought see saw seen say saying ' +
    'tell telling give giving gave take taking took let keep put need needs needed hope hoped ' +
    'start started begin end ended finish stay wait hear heard ask asked call called calling ' +
    'talk talking speak speaking share provide update join joining joined open turn hand ' +
    'back out up down off around along away ahead next last first second third few couple ' +
    'several another else everybody everyone everything anybody anyone anything somebody ' +
    'someone something nothing nobody people folks guys gentlemen ladies sir ma maam ' +
    'question questions answer answers briefing gaggle call room podium lectern floor line ' +
    'colleague colleagues guest guests friend friends team here there today tonight ' +
    'morning afternoon evening night day days week weekend weeks month year time times minute ' +
    'tomorrow minutes hour hours half quick quickly soon later early briefly short long good great nice ' +
    'am leave stop jump ' +
    'glad happy pleased lucky wonderful fun appreciate thank thanks welcome sorry excuse ' +
    'pardon holiday holidays season christmas hanukkah chanukah thanksgiving easter passover ' +
    'ramadan eid diwali kwanzaa celebrate celebrating new merry joyous joyful peaceful safe ' +
    'healthy restful same too all both each every whole update updates topper toppers readout ' +
    "readouts announcement announcements item items top ma'am"
  ).split(/\s+/),
]);

/**
 * What a sentence of an answer turn does, by its shape: a phrase of the exchange or a hand-over,
 * and how many content words are left. A content word is one outside {@link EMPTY}; a first name
 * or an initial after the first word is someone in the room being addressed ("Go ahead,
 * Nancy"), and so is a first word that is a given name and no common word ("Anne has an update
 * on ...", "Kirby, I'm going to leave you to it"); a year is a date, not a subject.
 */
export function sentenceRole(sentence: string): SentenceRole {
  const lower = sentence.toLowerCase().replace(/’/g, "'");
  const handOver = HAND_OVER.test(lower);
  const exchange = !handOver && EXCHANGE.test(lower);
  const agenda = !handOver && !exchange && AGENDA.test(lower) && !SAYS_MORE.test(lower);
  if (!handOver && !exchange && !agenda && sentence.length > EMPTY_CHARS) return 'content';
  const limit = handOver ? HAND_OVER_LIMIT : exchange ? CONTENT_LIMIT : agenda ? AGENDA_LIMIT : 0;
  const tokens = tokenize(sentence);
  if (exchange) {
    const words = tokens.filter((token) => token.kind === 'word').length;
    if (words > EXCHANGE_WORDS || (words > REFUSAL_WORDS && SAYS_MORE.test(lower)))
      return 'content';
  }
  let content = 0;
  let first = true;
  for (const [index, token] of tokens.entries()) {
    if (token.kind === 'number') {
      if (!/^(?:1[89]|20)\d\d$/.test(token.text)) content++;
    } else if (token.kind === 'word') {
      const addressed = first
        ? addressedFirst(token, tokens[index + 1])
        : token.cap && (isFirstName(token.lower) !== null || /^\p{Lu}$/u.test(token.text));
      if (!addressed && !EMPTY.has(token.lower.replace(/^(.*)'s$/, '$1'))) content++;
      first = false;
    } else continue;
    if (content > limit) return 'content';
  }
  return handOver || exchange ? 'procedural' : agenda ? 'agenda' : 'empty';
}

/**
 * A sentence's first word names someone in the room when it is a given name and no common word
 * ("Anne has an update"; "Will the pause hold?" asks), or a name addressed before a comma
 * ("Kirby, I'm going to leave you to it"; "Obviously, ..." and "Gaza, ..." are no one).
 */
function addressedFirst(token: Token, next: Token | undefined): boolean {
  if (isCommonWord(token.lower)) return false;
  if (isFirstName(token.lower) !== null) return true;
  return (
    next?.text === ',' &&
    !token.lower.endsWith('ly') &&
    !isPlace(token.lower) &&
    !isOrganisationName(token.lower)
  );
}
