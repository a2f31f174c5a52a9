import type { ArticleInput } from '../src/corpus/article.ts';
import { createRandom, type Random } from './prng.ts';
import { BACKGROUND, DEMANDS, DIRECT_QUOTES, REPORTED_CLAIMS } from './templates.ts';
import { CONFLICTS, type Conflict, type Person } from './vocabulary.ts';

/**
 * Synthetic press-briefing transcripts for the long-document benchmark: official transcripts run
 * to ten thousand words and more, against 300 to 1,500 for a news article, and are written as
 * speaker-labelled turns (`MS. NAME:` at the podium, `Q` before each question) between lines
 * of page furniture. Seeded, so every run reads the same text.
 */
export function* transcriptDocuments(
  count: number,
  words: number,
  seed = 11,
): Generator<ArticleInput> {
  const random = createRandom(seed);
  const start = Date.parse('2023-03-01T17:00:00Z');
  for (let index = 0; index < count; index++) {
    const conflict = random.pick(CONFLICTS);
    const podium = random.pick(conflict.officials);
    const published = new Date(start + index * 86_400_000).toISOString();
    yield {
      title: `Press briefing by ${podium.role} ${podium.name} on ${conflict.label}`,
      body: transcriptBody(random, conflict, podium, words),
      outlet: 'Briefing Room',
      url: `https://briefings.example.org/${published.slice(0, 10)}/briefing-${seed}-${index}`,
      published,
      tags: [conflict.label, 'transcript'],
      lang: 'en',
      origin: `transcript:${seed}:${index}`,
    };
  }
}

function transcriptBody(random: Random, conflict: Conflict, podium: Person, words: number) {
  const label = `${podium.pronoun === 'she' ? 'MS.' : 'MR.'} ${podium.name.split(' ').at(-1)!.toUpperCase()}`;
  const fill = (text: string) => fillSlots(random, conflict, text);
  const paragraphs = [
    'Press Briefing Room',
    '1:04 P.M.',
    `${label}: Good afternoon, everyone. I will start with an update on ${conflict.label}, and then I am happy to take your questions.`,
  ];
  let total = countWords(paragraphs.join(' '));
  while (total < words) {
    const answer = [
      `${label}: ${fill(random.pick(DIRECT_QUOTES))}.`,
      `What I can tell you is that ${fill(random.pick(REPORTED_CLAIMS))}.`,
      fill(random.pick(BACKGROUND)),
      `We have asked ${conflict.sides[1].name} to ${fill(random.pick(DEMANDS))}, and we will keep saying so.`,
      `${fill(random.pick(DIRECT_QUOTES))}. That has not changed since ${random.pick(WEEKDAYS)}.`,
    ].slice(0, 2 + random.int(0, 3));
    const question = `Q Thank you. Can you say more about ${fill('{place}')}, and whether ${fill(random.pick(REPORTED_CLAIMS))}?`;
    const turn = [question, answer.join(' ')];
    if (random.chance(0.3)) turn.push(fill(random.pick(DIRECT_QUOTES)) + '.');
    paragraphs.push(...turn);
    total += countWords(turn.join(' '));
  }
  paragraphs.push(`${label}: Thank you all very much.`, 'END 2:11 P.M.');
  return paragraphs.join('\n\n');
}

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];

function fillSlots(random: Random, conflict: Conflict, text: string): string {
  const [first, second] = conflict.sides;
  return text
    .replaceAll('{place}', () => random.pick(conflict.places))
    .replaceAll('{Af}', first.force)
    .replaceAll('{A}', first.name)
    .replaceAll('{B}', second.name)
    .replaceAll('{broker}', () => random.pick(conflict.brokers))
    .replaceAll('{n}', () => String(random.int(2, 40)));
}

const countWords = (text: string) => text.split(/\s+/).filter(Boolean).length;
