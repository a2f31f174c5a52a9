import type { Article } from '../corpus/article.ts';

/** A report's lead, read with its title for whether the report is about the topic. */
const LEAD_CHARS = 400;

/**
 * Whether a report is about the topic: its title or lead names it (`about`). A press briefing's
 * transcript names twenty subjects further down, and an article may turn to the topic in its
 * last paragraph; the people and quotes of such a report count only where they touch the topic.
 */
export function headNamesTopic(
  article: Pick<Article, 'title' | 'body'>,
  about: (text: string) => boolean,
): boolean {
  return about(`${article.title}\n${article.body.slice(0, LEAD_CHARS)}`);
}
