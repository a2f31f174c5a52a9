import { closestTopics, resolveTopic, type Topic } from '../corpus/topics.ts';
import type { Store } from '../corpus/store/store.ts';
import { ErrorId, UserError } from '../core/errors.ts';

export const DEFAULT_WINDOW_DAYS = 7;
const DAY_MS = 86_400_000;

export interface TopicWindow {
  topic: Topic;
  from: string;
  to: string;
}

/**
 * The span of a topic's coverage a briefing looks at: the `days` before the topic's newest
 * article (not before today), so a corpus of past events still answers. Throws NoCoverage, with
 * the closest known topics, when nothing matches.
 */
export function topicWindow(
  store: Store,
  input: string,
  now: Date,
  days = DEFAULT_WINDOW_DAYS,
): TopicWindow {
  const topic = resolveTopic(input);
  const newest = store.newestMatching(topic, now.toISOString());
  if (!newest) throw noCoverage(store, input);
  return windowEndingAt(topic, newest, days);
}

/** The NoCoverage error for a topic with no articles, naming the closest topics that have some. */
export function noCoverage(store: Store, input: string): UserError {
  const closest = closestTopics(input).filter((label) => store.newestMatching(resolveTopic(label)));
  const hint = closest.length > 0 ? ` Try: ${closest.join(', ')}.` : '';
  return new UserError(ErrorId.NoCoverage, `No coverage of "${input.slice(0, 100)}" yet.${hint}`, {
    closest,
  });
}

/** The window ending at the newest article's publication time and reaching `days` back. */
export function windowEndingAt(topic: Topic, newest: string, days: number): TopicWindow {
  return { topic, from: new Date(Date.parse(newest) - days * DAY_MS).toISOString(), to: newest };
}
