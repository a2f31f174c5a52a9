import { normaliseText } from '../../corpus/article-id.ts';
import { knownTopics } from '../../corpus/topics.ts';
import type { AnyCommand, AutocompleteSource } from '../../core/command.ts';
import type { Services } from '../../core/services.ts';

/** Discord accepts at most 25 choices, each name and value 1 to 100 characters. */
export const MAX_CHOICES = 25;
const MAX_CHOICE_LENGTH = 100;

export interface Choice {
  name: string;
  value: string;
}

/** Known topics whose key, label or alias starts with (or, failing that, contains) the prefix. */
function topicChoices(prefix: string): Choice[] {
  const wanted = normaliseText(prefix.replace(/^#/, ''));
  const topics = knownTopics();
  if (!wanted) return topics.map((topic) => ({ name: topic.label, value: topic.key }));
  const words = (topic: (typeof topics)[number]) =>
    [topic.key, topic.label, ...topic.terms].map((word) => normaliseText(word));
  const starts = topics.filter((topic) => words(topic).some((word) => word.startsWith(wanted)));
  const contains = topics.filter(
    (topic) => !starts.includes(topic) && words(topic).some((word) => word.includes(wanted)),
  );
  return [...starts, ...contains].map((topic) => ({ name: topic.label, value: topic.key }));
}

function suggestions(services: Services, source: AutocompleteSource, prefix: string): Choice[] {
  const suggested = services.suggest?.(source, prefix) ?? [];
  if (source === 'topic' && suggested.length === 0) return topicChoices(prefix);
  return suggested;
}

/**
 * The choices for the option the user is typing, from the option's declared source (`person`,
 * `topic`). Synchronous and cache-backed so it always answers inside Discord's 3 seconds;
 * input is partial and unvalidated, so it only ever narrows known names. Duplicates, empty
 * names and over-long values are dropped; at most 25 choices.
 */
export function autocompleteChoices(
  services: Services,
  command: AnyCommand | undefined,
  option: string,
  prefix: string,
): Choice[] {
  const spec = command?.options[option];
  if (!spec || spec.type !== 'string' || !spec.autocomplete) return [];
  const choices: Choice[] = [];
  const values = new Set<string>();
  for (const choice of suggestions(services, spec.autocomplete, prefix.slice(0, 100))) {
    const name = choice.name.trim().slice(0, MAX_CHOICE_LENGTH);
    const value = choice.value.trim();
    if (!name || !value || value.length > Math.min(MAX_CHOICE_LENGTH, spec.maxLength)) continue;
    if (values.has(value)) continue;
    values.add(value);
    choices.push({ name, value });
    if (choices.length === MAX_CHOICES) break;
  }
  return choices;
}
