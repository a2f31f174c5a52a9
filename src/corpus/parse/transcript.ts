import type { Span } from '../../analysis/analysis.ts';

/**
 * Official transcripts (press briefings, press calls, interviews, press conferences) mark who
 * speaks with a label at the start of a paragraph: `MR. KIRBY:`, `THE PRESIDENT:`,
 * `SENIOR ADMINISTRATION OFFICIAL:`, `Q` before a reporter's question, `Question:` or
 * `NATO Secretary General Jens Stoltenberg:`. This module reads that structure by the label's
 * shape, never from a list of names: the parsers use it to keep every turn in its own paragraph,
 * and the analysis uses it to know who says each paragraph (see docs/transcripts.md).
 */

/** A speaker label at the start of a paragraph or line. */
export interface Label {
  /** The label without its colon: "MR. KIRBY", "Q", "Question [Reuters]". */
  text: string;
  /** Characters from the paragraph start to the turn's first word (label, colon, spaces). */
  length: number;
  /** Written in capitals (`MR. KIRBY:`) or the bare `Q`; otherwise in title case. */
  caps: boolean;
  /** A reporter's or interviewer's turn by its label (`Q`, `Question:`, `INTERVIEWER:`). */
  question: boolean;
}

/** One speaker's turn: its label and the paragraphs it runs over until the next label. */
export interface Turn {
  label: Span & { question: boolean };
  /** The label with its colon and the spaces after it: what the analysis does not read. */
  marker: Span;
  /** The turn's paragraphs; the first starts after the label. Page furniture is left out. */
  paragraphs: Span[];
}

export interface Transcript {
  turns: Turn[];
  /** Paragraphs that are not anyone's words: room, place and time lines, `END`, stage lines. */
  furniture: Span[];
}

/** `Q`, `Q:` or `Q.` before a question; the question never starts with a lowercase letter. */
const Q_LABEL = /^Q(?:[^\S\n]*[:.])?[^\S\n]+(?=[^\s\p{Ll}])/u;
/** One word of a label in capitals: MR., JEAN-PIERRE, O’BRIEN, McDONOUGH, U.S. */
const CAPS_WORD = String.raw`(?:Mc|Mac)?[A-Z][A-Z'’.\-]*`;
const CAPS_LABEL = new RegExp(
  String.raw`^(${CAPS_WORD}(?: ${CAPS_WORD}){0,7}(?: \d{1,2})?(?: \([^()\n]{1,80}\)| \[[^\]\n]{1,80}\])?):(?:[^\S\n]+|$)`,
);
/** A label in title case: `Question:`, `Spokesperson:`, `Jens Stoltenberg (NATO Secretary General):`. */
const TITLE_LABEL =
  /^((?:[A-Z][\p{L}\p{M}'’.-]*)(?: (?:[A-Z][\p{L}\p{M}'’.-]*|of|for|the|and|de|da|del|van|von|der|al|bin)){0,7}(?: \d{1,2})?(?: \([^()\n]{1,80}\)| \[[^\]\n]{1,80}\])?):[^\S\n]+(?=\S)/u;
/** Labels that open a reporter's or an interviewer's words. */
const QUESTION_WORDS =
  /^(?:q|question|questions|reporter|reporters|journalist|audience member|interviewer|host|anchor)\b/i;
/** Labels in capitals that start with a form of address name one person. */
const ADDRESS = /^(?:MR|MRS|MS|MISS|DR|THE)\.? /;

/** The speaker label at the start of `text` (a paragraph or a line), or null. */
export function labelAt(text: string): Label | null {
  const q = Q_LABEL.exec(text);
  if (q) return { text: 'Q', length: q[0].length, caps: true, question: true };
  const caps = CAPS_LABEL.exec(text);
  if (caps && /[A-Z]{2}|^[A-Z]$/.test(caps[1]!.replace(/\(.*$|\[.*$/, '')))
    return label(caps[1]!, caps[0].length, true);
  const title = TITLE_LABEL.exec(text);
  if (title && !LEAD_IN.test(title[1]!)) return label(title[1]!, title[0].length, false);
  return null;
}

/** "On Gaza:", "As for Ukraine:", "And finally:": a speaker's lead-in to a subject, not a label. */
const LEAD_IN =
  /^(?:On|In|As|And|But|So|For|To|With|About|Regarding|Now|Finally|First|Second|Third|Also|Then|Today|Tomorrow|Yesterday|Here|There|This|That|The|A|An|Our|My|We|I|It)\b/;

function label(text: string, length: number, caps: boolean): Label {
  return { text, length, caps, question: QUESTION_WORDS.test(text) };
}

/**
 * Whether a set of labels makes a transcript rather than prose with a colon in it ("Make no
 * mistake:", a dateline, a list of headed items), and in which style its speakers are written:
 * `true` for capitals (a label that starts with a form of address, or two speakers in
 * capitals, one of them heard twice), `false` for title case (a question label, or two speakers each heard twice), null
 * for no transcript. Only labels of that style are turns: a transcript in capitals may hold
 * "Note:" in its text.
 */
function dialogueStyle(labels: readonly Label[]): boolean | null {
  const caps = labels.filter((found) => found.caps);
  if (caps.some((found) => ADDRESS.test(found.text))) return true;
  // Speakers take turns; headed items in capitals ("FOOD BANK OF OHIO (FBO): commits ...")
  // each appear once.
  const names = new Set(caps.map((found) => found.text));
  if (names.size >= 2 && caps.length >= 3 && names.size < caps.length) return true;
  return isTitleDialogue(labels.filter((found) => !found.caps || found.text === 'Q'))
    ? false
    : null;
}

/** A `Q` opens a question in either style. */
const ofStyle = (label: Label, caps: boolean) => label.caps === caps || label.text === 'Q';

function isTitleDialogue(labels: readonly Label[]): boolean {
  if (labels.length < 3) return false;
  const counts = new Map<string, number>();
  for (const found of labels) counts.set(found.text, (counts.get(found.text) ?? 0) + 1);
  if (counts.size < 2) return false;
  if (labels.some((found) => found.question)) return true;
  return labels.length >= 4 && [...counts.values()].every((count) => count >= 2);
}

/** A time line ("3:30 P.M. EDT", "P.M. EST"), `END` (with its time) or a `###` end mark. */
const CLOCK =
  /^(?:END\b[\s\d:.APMEDSTCV]*|\(END\)|#{3}|(?:\d{1,2}:\d{2}[ \t]*)?[AP]\.?[ \t]?M\.?(?:[ \t]+[A-Z]{2,5})?\.?)$/;
/** A paragraph that is only a stage direction: "(Laughter.)", "(Cross-talk.)". */
export const STAGE_DIRECTION = /^\([A-Z][^()]{0,100}\)$/;

/**
 * Reads the turns of a transcript body (paragraphs separated by blank lines), or returns null
 * when the body is not a transcript. Paragraphs before the first label (room, place, time
 * lines), time lines, `END` and paragraphs that are only a stage direction are furniture.
 */
export function transcriptTurns(body: string): Transcript | null {
  const paragraphs: { span: Span; label: Label | null }[] = [];
  const pattern = /[^\n]+(?:\n(?!\n)[^\n]*)*/g;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(body)) !== null) {
    const raw = match[0];
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (!text) continue;
    const start = match.index + lead;
    paragraphs.push({ span: { start, end: start + text.length, text }, label: labelAt(text) });
  }
  const style = dialogueStyle(paragraphs.flatMap((paragraph) => paragraph.label ?? []));
  if (style === null) return null;
  for (const paragraph of paragraphs)
    if (paragraph.label && !ofStyle(paragraph.label, style)) paragraph.label = null;
  const turns: Turn[] = [];
  const furniture: Span[] = [];
  for (const { span, label: found } of paragraphs) {
    if (found) {
      const labelText = found.text;
      const contentStart = Math.min(span.start + found.length, span.end);
      turns.push({
        label: {
          start: span.start,
          end: span.start + labelText.length,
          text: labelText,
          question: found.question,
        },
        marker: {
          start: span.start,
          end: contentStart,
          text: body.slice(span.start, contentStart),
        },
        paragraphs:
          contentStart < span.end
            ? [{ start: contentStart, end: span.end, text: body.slice(contentStart, span.end) }]
            : [],
      });
    } else if (turns.length === 0 || CLOCK.test(span.text) || STAGE_DIRECTION.test(span.text)) {
      furniture.push(span);
    } else {
      turns.at(-1)!.paragraphs.push(span);
    }
  }
  return { turns, furniture };
}

/**
 * Puts every labelled line of a transcript at the start of its own paragraph, so a layout that
 * separates turns with single line breaks (plain text, `<br>` in HTML) keeps its turns when
 * the lines of each paragraph are joined. Text that is not a transcript comes back unchanged.
 */
export function separateTurns(text: string): string {
  const lines = text.split('\n');
  const labelled = lines.map((line) => labelAt(line.trimStart()));
  const style = dialogueStyle(labelled.filter((label): label is Label => label !== null));
  if (style === null) return text;
  return lines
    .map((line, index) =>
      labelled[index] &&
      ofStyle(labelled[index], style) &&
      index > 0 &&
      lines[index - 1]!.trim() !== ''
        ? `\n${line}`
        : line,
    )
    .join('\n');
}
