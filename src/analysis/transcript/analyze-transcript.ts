import type { Analysis, Quote, Span } from '../analysis.ts';
import { findEntities, type Mention, type RoleMention } from '../entities.ts';
import { detectEvents } from '../events/detect.ts';
import { analyzeSpeech } from '../speech.ts';
import { SUMMARY_SENTENCES, summarizeSentences } from '../summarize.ts';
import { tokenize } from '../tokens.ts';
import type { Transcript, Turn } from '../../corpus/parse/transcript.ts';
import { passagesOf } from './passages.ts';
import { resolveLabel, type Speaker } from './speakers.ts';

/** A speaker whose turns mostly end in a question asks them: an interviewer named by surname. */
const QUESTIONER_SHARE = 0.6;
const QUESTIONER_MIN_TURNS = 3;

interface Layout {
  /** Sentences with their labels cut off and furniture left out: the text the rules read. */
  sentences: (Span & { turn: number; paragraph: number })[];
  /** Labels (with their colon) and furniture: structure that is nobody's words. */
  hidden: Span[];
}

/** Where each sentence sits: which turn, which paragraph, without the label that opens it. */
function layoutOf(body: string, sentences: readonly Span[], transcript: Transcript): Layout {
  const hidden: Span[] = [...transcript.furniture];
  const paragraphs: { start: number; end: number; turn: number; paragraph: number }[] = [];
  transcript.turns.forEach((turn, index) => {
    hidden.push(turn.marker);
    turn.paragraphs.forEach((paragraph, order) =>
      paragraphs.push({
        start: paragraph.start,
        end: paragraph.end,
        turn: index,
        paragraph: order,
      }),
    );
  });
  hidden.sort((a, b) => a.start - b.start);
  paragraphs.sort((a, b) => a.start - b.start);
  const placed: Layout['sentences'] = [];
  let at = 0;
  for (const sentence of sentences) {
    while (at < paragraphs.length && paragraphs[at]!.end <= sentence.start) at++;
    const paragraph = paragraphs[at];
    if (!paragraph || sentence.end <= paragraph.start) continue;
    const start = Math.max(sentence.start, paragraph.start);
    const end = Math.min(sentence.end, paragraph.end);
    const text = body.slice(start, end).trim();
    if (!text) continue;
    const lead = body.slice(start, end).indexOf(text);
    placed.push({
      start: start + lead,
      end: start + lead + text.length,
      text,
      turn: paragraph.turn,
      paragraph: paragraph.paragraph,
    });
  }
  return { sentences: placed, hidden };
}

/** Each distinct label resolved once; interviewers named by surname found by their questions. */
function speakersOf(
  titleText: string,
  turns: readonly Turn[],
  layout: Layout,
  titleMentions: readonly Mention[],
  bodyMentions: readonly Mention[],
): Speaker[] {
  const byLabel = new Map<string, Speaker>();
  const asked = new Map<string, { turns: number; questions: number }>();
  const lastSentence = new Map<number, string>();
  for (const sentence of layout.sentences) lastSentence.set(sentence.turn, sentence.text);
  const people = { titleText, title: titleMentions, body: bodyMentions };
  const speakers = turns.map((turn, index) => {
    const key = `${turn.label.question ? 'q' : ''}${turn.label.text.toUpperCase()}`;
    let speaker = byLabel.get(key);
    if (!speaker) {
      speaker = resolveLabel(turn.label.text, turn.label.question, people);
      byLabel.set(key, speaker);
    }
    const last = lastSentence.get(index);
    if (last && speaker.kind === 'person') {
      const tally = asked.get(key) ?? { turns: 0, questions: 0 };
      tally.turns++;
      if (last.endsWith('?')) tally.questions++;
      asked.set(key, tally);
    }
    return { key, speaker };
  });
  for (const [key, tally] of asked) {
    if (tally.turns < QUESTIONER_MIN_TURNS || tally.questions / tally.turns < QUESTIONER_SHARE)
      continue;
    const speaker = byLabel.get(key)!;
    byLabel.set(key, { ...speaker, kind: 'question' });
  }
  return speakers.map(({ key }) => byLabel.get(key)!);
}

/**
 * The analysis of a transcript. Each answer turn becomes direct statements by its speaker,
 * resolved to the full name and role the title and the opening give; reporters' questions,
 * staff's housekeeping, labels and furniture are no one's statement and feed neither the
 * summary nor the events. Reported speech inside an answer ("as the President said, ...") is
 * the speaker's account of someone else's words: it stays in the speaker's statement and is not
 * credited to the person it names.
 */
export function analyzeTranscript(
  article: { title: string; body: string },
  sentences: readonly Span[],
  transcript: Transcript,
): Analysis {
  const { body, title } = article;
  const layout = layoutOf(body, sentences, transcript);
  const speech = analyzeSpeech(body, layout.sentences, layout.hidden);
  const titleMentions = title ? findEntities(tokenize(title), new Set([0])) : [];
  const speakers = speakersOf(title, transcript.turns, layout, titleMentions, speech.mentions);

  const turnSentences = new Map<number, Layout['sentences']>();
  for (const sentence of layout.sentences) {
    const list = turnSentences.get(sentence.turn) ?? [];
    list.push(sentence);
    turnSentences.set(sentence.turn, list);
  }
  const quotes: Quote[] = [];
  const labelMentions: Analysis['entities'] = [];
  const roles: RoleMention[] = [];
  const content: Span[] = [];
  const rolesGiven = new Set<string>();
  transcript.turns.forEach((turn, index) => {
    const speaker = speakers[index]!;
    if (speaker.kind === 'person' && speaker.name) {
      const at = speaker.nameAt ?? { start: 0, end: turn.label.text.length };
      const mention = {
        start: turn.label.start + at.start,
        end: turn.label.start + at.end,
        text: body.slice(turn.label.start + at.start, turn.label.start + at.end),
      };
      labelMentions.push({ ...mention, type: 'PERSON', canonical: speaker.name });
      if (speaker.role && !rolesGiven.has(speaker.name)) {
        rolesGiven.add(speaker.name);
        roles.push({ ...mention, name: speaker.name, role: speaker.role });
      }
    }
    if (speaker.kind !== 'person' && speaker.kind !== 'anonymous') return;
    const source = { start: turn.label.start, end: turn.label.end, text: turn.label.text };
    for (const passage of passagesOf(body, turnSentences.get(index) ?? [])) {
      quotes.push({
        kind: 'direct',
        content: passage,
        source,
        speaker: speaker.name,
        cue: null,
        onRecord: true,
      });
      for (const sentence of turnSentences.get(index) ?? [])
        if (sentence.start >= passage.start && sentence.end <= passage.end) content.push(sentence);
    }
  });

  // Names the staff read out ("the next question goes to Jane Doe of NBC") are housekeeping.
  const staffTurns = transcript.turns.filter((_, index) => speakers[index]!.kind === 'staff');
  // "Admiral Kirby" in the body is the speaker whose full name only the title gives.
  const fullNames = new Map<string, string>();
  for (const speaker of speakers)
    if (speaker.kind === 'person' && speaker.name && /\s/.test(speaker.name))
      fullNames.set(speaker.name.split(/\s+/).at(-1)!, speaker.name);
  const full = (name: string) => fullNames.get(name) ?? name;
  const entities = [
    ...speech.entities
      .filter((entity) => !within(staffTurns, entity.start))
      .map((entity) =>
        entity.type === 'PERSON' ? { ...entity, canonical: full(entity.canonical) } : entity,
      ),
    ...labelMentions,
  ].sort((a, b) => a.start - b.start);
  return {
    entities,
    quotes,
    people: [...speech.people.map((role) => ({ ...role, name: full(role.name) })), ...roles].sort(
      (a, b) => a.start - b.start,
    ),
    events: detectEvents(body, content),
    // The title names the event ("Press Gaggle by ..."), not its subject: it would favour
    // sentences about the briefing itself.
    summary: summarizeSentences(
      content.filter((sentence) => !HOUSEKEEPING.test(sentence.text)),
      '',
      SUMMARY_SENTENCES,
    ),
  };
}

/**
 * Sentences about the briefing itself (greetings, thanks, who speaks next, ground rules): a
 * speaker's words, but no summary of what the briefing said.
 */
const HOUSEKEEPING =
  /\b(?:you all|y['’]all|everybody|everyone|folks|guys|gaggle|briefing|podium|lectern|questions?|turn (?:it|things) over|over to you|kick (?:us|things|it) off|joining|join (?:me|us)|welcome|thank|thanks|appreciate|happy|holidays?|greetings|good (?:morning|afternoon|evening)|on the line|housekeeping|ground rules|embargo|on the record|on background|without further ado)\b/i;

/** Whether an offset lies in one of the turns (after its label). */
function within(turns: readonly Turn[], offset: number): boolean {
  return turns.some(
    (turn) =>
      offset >= turn.marker.end && offset < (turn.paragraphs.at(-1)?.end ?? turn.marker.end),
  );
}
