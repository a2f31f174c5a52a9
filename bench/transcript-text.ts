import { newsTexts } from './news-texts.ts';

/**
 * A synthetic press briefing of about `words` words in the White House layout: a room and a
 * time line, then turns by a press secretary, a spokesman and reporters (`Q`), each answer one
 * to three paragraphs of the benchmark's news sentences, and `END` with the closing time. Seeded,
 * so every run measures the same text.
 */
export function transcriptText(words = 10_000, seed = 11): string {
  const paragraphs = newsTexts(Math.ceil(words / 500), 500, seed).flatMap((text) =>
    text.split('\n\n'),
  );
  const turns = ['James S. Brady Press Briefing Room', '1:02 P.M. EDT'];
  let total = 0;
  let next = 0;
  for (let turn = 0; total < words && next < paragraphs.length; turn++) {
    const speaker = turn % 7 === 0 ? 'MS. HALVORSEN' : 'MR. KIRBY';
    turns.push(
      `Q    Thank you.  What can you tell us about what happened on ${turn % 5 === 0 ? 'Monday' : 'the border'}?`,
    );
    const answer = paragraphs.slice(next, next + 1 + (turn % 3));
    next += answer.length;
    turns.push(`${speaker}:  ${answer[0]}`, ...answer.slice(1));
    total += answer.join(' ').split(/\s+/).length + 12;
  }
  turns.push('END            2:10 P.M. EDT');
  return turns.join('\n\n');
}
