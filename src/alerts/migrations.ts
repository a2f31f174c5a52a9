import type { Migration } from '../corpus/store/migrations.ts';

/** Tables of the alerts module: subscriptions, per-channel settings and the delivery outbox. */
export const alertMigrations: Migration[] = [
  {
    id: '0300-subscriptions',
    up(db) {
      db.exec(`
        CREATE TABLE subscriptions (
          platform TEXT NOT NULL,
          channel_id TEXT NOT NULL,
          topic TEXT NOT NULL,
          min_level INTEGER NOT NULL CHECK (min_level BETWEEN 1 AND 5),
          digest TEXT NOT NULL DEFAULT 'off' CHECK (digest IN ('off', 'daily')),
          created TEXT NOT NULL,
          last_digest TEXT,
          PRIMARY KEY (platform, channel_id, topic)
        ) WITHOUT ROWID;
        CREATE INDEX subscriptions_topic ON subscriptions (topic);
        CREATE TABLE alert_channels (
          platform TEXT NOT NULL,
          channel_id TEXT NOT NULL,
          snoozed_until TEXT,
          time_zone TEXT,
          failures INTEGER NOT NULL DEFAULT 0,
          paused_reason TEXT,
          paused_at TEXT,
          PRIMARY KEY (platform, channel_id)
        ) WITHOUT ROWID;
      `);
    },
  },
  {
    id: '0310-outbox',
    up(db) {
      db.exec(`
        CREATE TABLE outbox (
          id INTEGER PRIMARY KEY,
          delivery_id TEXT NOT NULL UNIQUE,
          platform TEXT NOT NULL,
          channel_id TEXT NOT NULL,
          story_id TEXT,
          kind TEXT NOT NULL,
          level INTEGER,
          reply TEXT NOT NULL,
          thread_root INTEGER REFERENCES outbox (id),
          state TEXT NOT NULL CHECK (state IN ('pending', 'sending', 'sent', 'failed')),
          attempts INTEGER NOT NULL DEFAULT 0,
          next_attempt_at INTEGER NOT NULL,
          last_error TEXT,
          message_id TEXT,
          created TEXT NOT NULL,
          sent_at TEXT
        );
        CREATE INDEX outbox_due ON outbox (platform, state, next_attempt_at);
        CREATE INDEX outbox_channel ON outbox (platform, channel_id, state, id);
        CREATE INDEX outbox_story ON outbox (story_id, platform, channel_id);
      `);
    },
  },
  {
    id: '0330-channel-thread',
    up(db) {
      // Where a channel's alerts go inside it: a Telegram forum topic or a Discord thread.
      db.exec('ALTER TABLE alert_channels ADD COLUMN thread_id TEXT');
    },
  },
  {
    id: '0340-outbox-deaths',
    up(db) {
      // The toll an alert reported, so a follow-up on deaths comes only when they clearly rise.
      db.exec('ALTER TABLE outbox ADD COLUMN deaths INTEGER');
    },
  },
];
