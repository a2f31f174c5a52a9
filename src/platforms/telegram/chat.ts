import { normaliseText } from '../../corpus/article-id.ts';
import { closestTopics, knownTopics, resolveTopic } from '../../corpus/topics.ts';
import type { Reply, ReplyAction } from '../../core/reply.ts';
import type { Services } from '../../core/services.ts';
import { numberSources } from '../../briefing/sources.ts';

/** How a plain private message is understood: as a command line, or as a corpus search. */
export type ChatIntent = { kind: 'command'; line: string } | { kind: 'search'; query: string };

/** Longest plain message treated as a name or topic; anything longer is searched as it is. */
const MAX_NAME_WORDS = 6;

const quoteArgument = (text: string) => (text.includes('"') ? text : `"${text}"`);

/**
 * Reads a plain message sent to the bot in a private chat: a known person's name becomes `/who`,
 * a known topic (by name or alias) becomes `/briefing`, anything else a search. People are known
 * only through `services.suggest` (the people index); without it, names fall through to search,
 * whose suggestions still offer `/who`.
 */
export function interpretPlainMessage(text: string, suggest?: Services['suggest']): ChatIntent {
  const query = text
    .trim()
    .replace(/[?!.]+$/, '')
    .trim();
  if (query === '' || query.split(/\s+/).length > MAX_NAME_WORDS) return { kind: 'search', query };
  const wanted = normaliseText(query);
  const person = suggest?.('person', query).find(
    (choice) => normaliseText(choice.name) === wanted || normaliseText(choice.value) === wanted,
  );
  if (person) return { kind: 'command', line: `/who ${quoteArgument(person.value)}` };
  const topic = resolveTopic(query);
  if (topic.known) return { kind: 'command', line: `/briefing ${topic.key}` };
  return { kind: 'search', query };
}

/**
 * The answer to a message that names no known topic or person: the articles that mention it,
 * and buttons for the closest topics and people, so the next tap gives a real answer.
 */
export function searchReply(services: Services, query: string): Reply {
  const articles = services.store.search({
    terms: [query],
    order: 'relevance',
    limit: 5,
    to: services.clock.now().toISOString(),
  });
  const actions: ReplyAction[] = [];
  for (const person of services.suggest?.('person', query).slice(0, 3) ?? []) {
    actions.push({
      label: `Who: ${person.name}`,
      commandLine: `/who ${quoteArgument(person.value)}`,
    });
  }
  const topics = knownTopics();
  for (const label of closestTopics(query, 3)) {
    const topic = topics.find((candidate) => candidate.label === label);
    if (topic)
      actions.push({ label: `Briefing: ${topic.label}`, commandLine: `/briefing ${topic.key}` });
  }
  const shown = query.length > 80 ? `${query.slice(0, 79)}…` : query;
  if (articles.length === 0) {
    return {
      blocks: [
        {
          type: 'notice',
          level: 'info',
          text: `Nothing in the corpus mentions "${shown}". Try a topic or a person below, or /help.`,
        },
      ],
      actions,
    };
  }
  return {
    blocks: [
      { type: 'heading', text: `Articles mentioning "${shown}"` },
      { type: 'sources', items: numberSources(articles).sources },
    ],
    actions,
  };
}
