import { transcriptTurns } from '../../corpus/parse/transcript.ts';
import { topicsOfArticle } from '../../corpus/topics.ts';

/** Where a statement stands in its article's body, and what it says. */
interface Placed {
  start: number;
  text: string;
}

/** Topic keys as `statements.topics` stores them: space-separated with a space at each end. */
const asColumn = (keys: readonly string[]) => ` ${keys.join(' ')} `;

/**
 * The known topics to file each statement of an article under (`/who <name> topic:<key>`).
 *
 * A news article is about its topics throughout, so its statements take the article's. A
 * briefing is not: one transcript runs from Ukraine to the border to a hurricane, and filing
 * every answer under each of them made `topic:ukraine` return whole briefings. A statement of a
 * transcript therefore takes the topics its own words name, else those of the reporter's
 * question its turn answers (an answer that names Hamas is not about Ukraine because the
 * question had a second part on Kyiv), and never the title's or the rest of the briefing's.
 * `articleTopics` are the article's own (`topicsOfArticle`), found once for storing it.
 */
export function statementTopics(
  body: string,
  articleTopics: readonly string[],
): (statement: Placed) => string {
  const whole = asColumn(articleTopics);
  const transcript = transcriptTurns(body);
  if (!transcript) return () => whole;
  const { turns } = transcript;
  const bodyOf = (index: number) => {
    const turn = turns[index]!;
    const end = turn.paragraphs.at(-1)?.end ?? turn.marker.end;
    return body.slice(turn.marker.end, end);
  };
  const topicsOf = (text: string) => topicsOfArticle({ title: '', body: text, tags: [] });
  return (statement) => {
    const own = topicsOf(statement.text);
    if (own.length > 0) return asColumn(own);
    const index = turns.findLastIndex((turn) => turn.marker.start <= statement.start);
    const question = index > 0 && turns[index - 1]!.label.question ? bodyOf(index - 1) : '';
    return asColumn(topicsOf(question));
  };
}
