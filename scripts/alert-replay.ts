/**
 * Replays dev coverage day by day through a bot's ingest path with a subscription, and reads
 * back the alerts its detector queued: the shared part of `npm run eval:alerts`.
 */
import type { ArticleInput } from '../src/corpus/article.ts';
import type { Block, Reply } from '../src/core/reply.ts';
import type { Dispatch } from '../src/core/dispatch.ts';
import type { Ingester } from '../src/corpus/ingest.ts';
import type { Database } from 'better-sqlite3';

/** One alert as a subscriber received it. */
export interface ReplayedAlert {
  day: string;
  kind: string;
  level: number | null;
  heading: string;
  reasons: string[];
  story: string | null;
}

export interface ReplayTarget {
  db: Database;
  ingester: Pick<Ingester, 'ingestArticles'>;
  dispatch: Dispatch;
  /** Moves the bot's clock (alerts are stamped with it). */
  setNow(iso: string): void;
}

const textOf = (blocks: readonly Block[], type: Block['type']) =>
  blocks.filter((block) => block.type === type);

/**
 * Subscribes the console channel with `/subscribe <topic> <level>`, then ingests each day's
 * articles (oldest first) with the clock at the end of that day, and returns every alert the
 * outbox received, with the day it came on.
 */
export async function replayDays(
  target: ReplayTarget,
  articles: readonly ArticleInput[],
  subscription: { topic: string; level: number },
): Promise<ReplayedAlert[]> {
  const first = articles[0]?.published.slice(0, 10) ?? '1970-01-01';
  target.setNow(`${first}T00:00:00.000Z`);
  const answer = await target.dispatch({
    id: 'replay',
    command: 'subscribe',
    args: { topic: subscription.topic, severity: String(subscription.level) },
    platform: 'console',
    invoker: { id: 'replay', name: 'replay', isManager: true },
    channel: { id: 'replay', kind: 'channel' },
  });
  if (answer.outcome !== 'ok') throw new Error(`/subscribe failed: ${answer.outcome}`);
  const byDay = new Map<string, ArticleInput[]>();
  for (const article of articles) {
    const day = article.published.slice(0, 10);
    byDay.set(day, [...(byDay.get(day) ?? []), article]);
  }
  const read = target.db.prepare<
    [number],
    { id: number; kind: string; level: number | null; reply: string; story_id: string | null }
  >('SELECT id, kind, level, reply, story_id FROM outbox WHERE id > ? ORDER BY id');
  const alerts: ReplayedAlert[] = [];
  let last = 0;
  for (const [day, batch] of byDay) {
    target.setNow(`${day}T23:59:59.000Z`);
    target.ingester.ingestArticles(batch);
    for (const row of read.all(last)) {
      last = row.id;
      if (row.kind === 'digest') continue;
      const reply = JSON.parse(row.reply) as Reply;
      const heading = textOf(reply.blocks, 'heading')[0];
      const reasons = textOf(reply.blocks, 'list').flatMap((block) =>
        block.type === 'list' ? block.items.map((item) => item.text) : [],
      );
      alerts.push({
        day,
        kind: row.kind,
        level: row.level,
        heading: heading?.type === 'heading' ? heading.text : '',
        reasons,
        story: row.story_id,
      });
    }
  }
  return alerts;
}
