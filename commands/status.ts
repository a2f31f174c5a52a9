import { createOutbox } from '../src/alerts/outbox.ts';
import { sampleCheck } from '../src/corpus/store/database-check.ts';
import { defineCommand } from '../src/core/command.ts';
import type { Block } from '../src/core/reply.ts';
import { ingestHealth } from '../src/sources/health.ts';
import { createSourceState } from '../src/sources/source-state.ts';

const when = (iso: string | null) => (iso ? `${iso.slice(0, 16).replace('T', ' ')} UTC` : 'never');

export default defineCommand({
  name: 'status',
  description: 'Is sitrep keeping up? Corpus size, newest article, feeds, inbox, alert backlog',
  details:
    "Whether sitrep is keeping up: corpus size, newest article, each feed's health, the inbox and the alert backlog, with a warning when ingestion is failing.",
  options: {},
  run(_args, { services }) {
    const { store, clock } = services;
    const now = clock.now();
    // First, and bounded in time: every other figure below reads the database.
    const database = sampleCheck(store.db);
    if (!database.ok) {
      return {
        reply: {
          blocks: [
            { type: 'heading', text: 'sitrep status' },
            {
              type: 'notice',
              level: 'error',
              text: `The database is damaged (${database.detail}): answers may fail or be incomplete. Stop sitrep and restore the database from a backup (sitrep backup).`,
            },
          ],
          asOf: now.toISOString(),
        },
        data: { database, ingestionFailing: true, problem: `database damaged: ${database.detail}` },
      };
    }
    const sources = createSourceState(store.db);
    const backlog = createOutbox(store.db, () => now).backlog();
    const inbox = sources.recentInbox(5);
    const health = ingestHealth(
      sources.feeds({ activeOnly: true }),
      inbox,
      now,
      store.lastIngested(),
    );
    const newest = store.newest();
    const blocks: Block[] = [{ type: 'heading', text: 'sitrep status' }];
    if (health.problem) {
      blocks.push({
        type: 'notice',
        level: 'error',
        text: `${health.problem} A quiet briefing may mean missing news, not a quiet day.`,
      });
    }
    blocks.push({
      type: 'fields',
      fields: [
        { name: 'Articles', value: String(store.count()) },
        { name: 'Database', value: 'ok (schema and every table readable)' },
        {
          name: 'Newest article',
          value: newest ? `${when(newest.published)}: ${newest.title} (${newest.outlet})` : 'none',
        },
        {
          name: 'Alert outbox',
          value: `${backlog.pending} pending, ${backlog.sending} sending, ${backlog.failed} failed, ${backlog.sent} sent${backlog.oldestPending ? `; oldest pending since ${when(backlog.oldestPending)}` : ''}`,
        },
        {
          name: 'Inbox',
          value: inbox[0]
            ? `last file ${when(inbox[0].at)} (${inbox[0].outcome}${inbox[0].reason ? `: ${inbox[0].reason}` : ''})`
            : 'no files yet',
        },
      ],
    });
    if (health.feeds.length === 0) {
      blocks.push({
        type: 'notice',
        level: 'info',
        text: 'No feeds are configured (SITREP_FEEDS), so only the inbox and `sitrep ingest` bring news in.',
      });
    } else {
      blocks.push({
        type: 'list',
        items: health.feeds.map((feed) => ({
          marker: feed.state === 'ok' ? '-' : '!',
          text: `${feed.url}: ${feed.state}; last success ${when(feed.lastSuccess)}${feed.lastFailure ? `; last failure ${when(feed.lastFailure)}${feed.lastError ? ` (${feed.lastError})` : ''}` : ''}`,
        })),
      });
    }
    return {
      reply: { blocks, asOf: now.toISOString() },
      data: {
        articles: store.count(),
        newest: newest ? { title: newest.title, published: newest.published } : null,
        feeds: health.feeds,
        ingestionFailing: health.failing,
        problem: health.problem,
        outbox: backlog,
        inbox: inbox[0] ?? null,
        database,
      },
    };
  },
});
