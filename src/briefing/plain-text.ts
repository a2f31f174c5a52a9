import { normaliseText } from '../corpus/article-id.ts';
import { closestTopics, knownTopics, resolveTopic, topicsOfArticle } from '../corpus/topics.ts';
import { parseCommandLine } from '../core/command-line.ts';
import type { Reply, ReplyAction } from '../core/reply.ts';
import type { Services } from '../core/services.ts';
import {
  answerQuestion,
  looksLikeQuestion,
  questionTerms,
  quotedAnswer,
} from './answer-question.ts';
import { numberSources } from './sources.ts';
import { knownPerson } from './who-view.ts';

/** How a plain message is understood: as a command line, or as a corpus search. */
export type ChatIntent = { kind: 'command'; line: string } | { kind: 'search'; query: string };

/** What a plain message gets: a command line to run, or a reply made here. */
export type PlainAnswer = { kind: 'command'; line: string } | { kind: 'reply'; reply: Reply };

/** Finds the one person a name means (full name, alias or surname), or null. */
export type PersonLookup = (query: string) => string | null;

/** Longest plain message treated as a name or topic; anything longer is searched as it is. */
const MAX_NAME_WORDS = 6;

const quoteArgument = (text: string) => (text.includes('"') ? text : `"${text}"`);

/** "who is Karine Jean-Pierre", "who kirby": the name asked about. */
const WHO_IS = /^who(?:\s+(?:is|was|are|were))?\s+(.+)$/i;
/** "what did Kirby say about Rafah": a person, and what about. */
const SAID = /^what\s+(?:did|does|has|have)\s+(.+?)\s+(?:say|said)(?:\s+(?:about|on)\s+(.+))?$/i;

/**
 * Reads a plain message (a Telegram private chat, a console line without `/`): a person's
 * name becomes `/who`, a known topic (by name or alias) `/briefing`, anything else a search.
 * "who is <name>" and "who <name>" ask for that person, "what did <name> say about <topic>"
 * for their statements on it. Full names come from `suggest` (the
 * people index), surnames and aliases from `person`; without them names fall through to
 * search, whose suggestions still offer `/who`.
 */
export function interpretPlainMessage(
  text: string,
  suggest?: Services['suggest'],
  person?: PersonLookup,
): ChatIntent {
  const query = text
    .trim()
    .replace(/[?!.]+$/, '')
    .trim();
  const said = SAID.exec(query);
  const speaker = said ? person?.(said[1]!) : null;
  if (said && speaker) {
    const about = said[2] ? ` topic:${quoteArgument(said[2])}` : '';
    return { kind: 'command', line: `/who ${quoteArgument(speaker)}${about}` };
  }
  if (query === '' || query.split(/\s+/).length > MAX_NAME_WORDS) return { kind: 'search', query };
  const topic = resolveTopic(query);
  // Any other question is never read as a name: "who attacked the patrol" names no one.
  const name = WHO_IS.exec(query)?.[1] ?? (looksLikeQuestion(text) ? null : query);
  const wanted = name === null ? null : normaliseText(name);
  const named = name
    ? suggest?.('person', name).find(
        (choice) => normaliseText(choice.name) === wanted || normaliseText(choice.value) === wanted,
      )
    : undefined;
  if (named) return { kind: 'command', line: `/who ${quoteArgument(named.value)}` };
  if (topic.known) return { kind: 'command', line: `/briefing ${topic.key}` };
  const found = name ? person?.(name) : null;
  if (found) return { kind: 'command', line: `/who ${quoteArgument(found)}` };
  return { kind: 'search', query };
}

/**
 * `help` or `briefing kosovo 3` typed without its slash: the command line it means, when the
 * first word names a command and the rest fits its options (no more words than it has). A
 * line that reads as a question is a question even when it starts with a command's name:
 * "who attacked the patrol?", "who is Kirby" (which `interpretPlainMessage` reads).
 */
function commandWithoutSlash(text: string, commands: Services['commands']): string | null {
  const line = text.trim();
  if (line.startsWith('/') || looksLikeQuestion(line)) return null;
  const words = line.split(/\s+/);
  const command = commands.find((candidate) => candidate.name === words[0]!.toLowerCase());
  // "help me read this" is a sentence that starts with a command's name, not a command.
  if (!command || words.length > 1 + Object.keys(command.options).length) return null;
  try {
    parseCommandLine(line, commands);
    return `/${line}`;
  } catch {
    return null;
  }
}

/**
 * The answer to a message that names no known topic or person: the articles that mention it,
 * and buttons for the people it may name and the topics those articles are about (the
 * closest topic names when nothing matches), so the next tap gives a real answer. A question
 * is searched by the words it is about (`questionTerms`), since no article holds the question.
 */
export function searchReply(services: Services, query: string): Reply {
  const terms = looksLikeQuestion(query) ? questionTerms(query) : [];
  const articles = services.store.search({
    terms: terms.length > 0 ? terms : [query],
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
  const covered = new Set(articles.flatMap((article) => topicsOfArticle(article)));
  const topics =
    articles.length > 0
      ? knownTopics().filter((topic) => covered.has(topic.key))
      : closestTopics(query, 3).flatMap((label) =>
          knownTopics().filter((topic) => topic.label === label),
        );
  for (const topic of topics.slice(0, 3))
    actions.push({ label: `Briefing: ${topic.label}`, commandLine: `/briefing ${topic.key}` });
  const shown = query.length > 80 ? `${query.slice(0, 79)}…` : query;
  if (articles.length === 0) {
    const text = `Nothing in the corpus mentions "${shown}". Try /briefing <topic>, /who <name> or /help${actions.length > 0 ? ', or one of these:' : '.'}`;
    return { blocks: [{ type: 'notice', level: 'info', text }], actions };
  }
  return {
    blocks: [
      { type: 'heading', text: `Articles mentioning "${shown}"` },
      { type: 'sources', items: numberSources(articles).sources },
    ],
    actions,
  };
}

/**
 * Answers a plain message as every platform does: a command typed without its slash runs, a
 * name or topic becomes its command, a question an answer from the corpus (written by the
 * model and verified when one is configured, else quoted), and anything else, or a question
 * nothing matches, a search of the corpus.
 */
export async function answerPlainText(services: Services, text: string): Promise<PlainAnswer> {
  const command = commandWithoutSlash(text, services.commands);
  if (command) return { kind: 'command', line: command };
  const intent = interpretPlainMessage(text, services.suggest, (query) =>
    knownPerson(services.store, query),
  );
  if (intent.kind === 'command') return intent;
  const answered = looksLikeQuestion(intent.query)
    ? ((await answerQuestion(services, intent.query)) ?? quotedAnswer(services, intent.query))
    : null;
  return { kind: 'reply', reply: answered ?? searchReply(services, intent.query) };
}
