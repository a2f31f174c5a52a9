import type { Analysis, Quote } from './analysis.ts';
import { splitSentences } from './sentences.ts';
import { analyzeSpeech } from './speech.ts';
import { officialTitle } from './stories/official-titles.ts';

/**
 * A statement a person issues under their name ("Statement from President Joe Biden on Attack on
 * U.S. Service Members in Northeastern Jordan", "Statement by National Security Advisor Jake
 * Sullivan on ..."): its text is their words, though the text never names them and quotes
 * nothing. Each paragraph is one of their statements, on the record, so `/who biden` shows
 * "Today, America's heart is heavy. ..." where it had shown only readouts of his calls. A joint
 * statement, a readout or a fact sheet speaks for no one person; nor does a statement an office
 * issues without a name ("Statement from the Press Secretary").
 */

const STATEMENT = /^statement\s+(?:from|by)\s/iu;
/** Shorter paragraphs are a sign-off, a dateline or a link ("###"), not something said. */
const MIN_PARAGRAPH_WORDS = 8;
/** Enough of a long statement for `/who`: a proclamation runs for pages. */
const MAX_PARAGRAPHS = 12;

export type Issuer = NonNullable<Analysis['issuer']>;

/** The person a statement's title names as its issuer, with the office it gives them. */
export function statementIssuer(title: string): Issuer | null {
  if (!STATEMENT.test(title.trim())) return null;
  const official = officialTitle(title);
  if (!official) return null;
  // The whole title is read, so that the office opening the issuer is not a sentence's first
  // word ("Press Secretary Karine Jean-Pierre" had given the role "Secretary").
  const from = title.indexOf(official.issuer);
  const to = from + official.issuer.length;
  const { people, entities } = analyzeSpeech(title, splitSentences(title));
  const persons = [
    ...new Set(
      entities
        .filter((entity) => entity.type === 'PERSON' && entity.start >= from && entity.end <= to)
        .map((entity) => entity.canonical),
    ),
  ];
  // "Statement from President Biden and Prime Minister Kishida": two issuers, neither alone.
  if (persons.length !== 1 || !persons[0]!.includes(' ')) return null;
  const name = persons[0]!;
  return { name, role: people.find((role) => role.name === name)?.role ?? null };
}

/** The statement's paragraphs, each a direct statement on the record by its issuer. */
export function issuerStatements(body: string, issuer: Issuer): Quote[] {
  const quotes: Quote[] = [];
  for (const match of body.matchAll(/[^\n]+(?:\n(?![ \t]*\n)[^\n]*)*/gu)) {
    const text = match[0].trim();
    if (text.split(/\s+/).length < MIN_PARAGRAPH_WORDS) continue;
    const start = match.index + match[0].indexOf(text);
    quotes.push({
      kind: 'direct',
      content: { start, end: start + text.length, text },
      source: null,
      speaker: issuer.name,
      cue: null,
      onRecord: true,
    });
    if (quotes.length === MAX_PARAGRAPHS) break;
  }
  return quotes;
}
