import type { StoryUpdate } from '../analysis/story-update.ts';
import type { Article } from '../corpus/article.ts';
import { knownTopics } from '../corpus/topics.ts';
import type { Block, Reply } from '../core/reply.ts';
import type { DeliveryKind } from './outbox.ts';
import { severityLabel } from './severity.ts';

const HEADINGS: Record<Exclude<DeliveryKind, 'digest'>, string> = {
  alert: 'Alert',
  escalation: 'Escalation',
  'follow-up': 'Update',
  'de-escalation': 'De-escalation',
};

function topicLabels(keys: readonly string[]): string {
  const labels = new Map(knownTopics().map((topic) => [topic.key, topic.label]));
  return keys.map((key) => labels.get(key) ?? key).join(', ');
}

/**
 * The message of one alert, saying why it fired: the level (and the level before), deaths, the
 * reasons the story indexer gave, and the articles it rests on with their outlets and links (the
 * reports that confirmed a new event, or the one that changed it). A null article (no longer
 * stored) is cited by the update's title and time.
 */
export function alertReply(
  kind: Exclude<DeliveryKind, 'digest'>,
  update: StoryUpdate,
  articles: readonly (Pick<Article, 'title' | 'outlet' | 'url' | 'published'> | null)[],
): Reply {
  const levelText =
    update.previousLevel !== update.level && !update.isNewStory
      ? `${severityLabel(update.level)} (was ${severityLabel(update.previousLevel)})`
      : severityLabel(update.level);
  const fields = [
    { name: 'Level', value: levelText },
    { name: 'Topics', value: topicLabels(update.topics) },
  ];
  if (update.fatalities > 0 || update.previousFatalities > 0) {
    const change =
      update.fatalities !== update.previousFatalities ? ` (was ${update.previousFatalities})` : '';
    fields.push({ name: 'Deaths reported', value: `${update.fatalities}${change}` });
  }
  const why =
    kind === 'de-escalation'
      ? 'Why: a ceasefire, withdrawal or similar step back was reported.'
      : 'Why this fired:';
  const blocks: Block[] = [
    { type: 'heading', text: `${HEADINGS[kind]}: ${update.title}` },
    { type: 'fields', fields },
    { type: 'text', text: why },
  ];
  if (update.reasons.length > 0) {
    blocks.push({
      type: 'list',
      items: update.reasons.map((reason) => ({
        text: reason,
        citations: articles.map((_, index) => index + 1),
      })),
    });
  }
  blocks.push({
    type: 'sources',
    items: articles.map((article, index) => ({
      n: index + 1,
      title: article?.title ?? update.title,
      outlet: article?.outlet ?? 'unknown',
      url: article?.url ?? null,
      published: article?.published ?? update.published,
    })),
  });
  return { blocks, level: update.level, asOf: update.published };
}
