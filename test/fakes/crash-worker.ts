/**
 * The bot process of the crash-loop test (`test/e2e/crash-loop.test.ts`), run as a child through
 * tsx and killed with SIGKILL at random moments. It opens the app on a file database, subscribes
 * one channel of a fake platform to Kosovo, and runs the live sources on an inbox folder. The
 * fake platform "delivers" by appending one JSON line per send call to a file, fsynced before
 * the send resolves, so every attempt survives the kill; like Discord with an enforced nonce it
 * shows one message per `deliveryId`, which is why it declares itself idempotent.
 *
 * Environment: CRASH_DB, CRASH_INBOX, CRASH_SENT (the record file), CRASH_FINISH=1 to run until
 * the inbox is empty and the outbox drained, then stop cleanly. Prints `ready` once the live
 * sources run, `sending` as each send starts, `idle` when a run to be killed has nothing left to
 * do, and `done` when a CRASH_FINISH run has stopped.
 */
import { closeSync, fsyncSync, openSync, readdirSync, writeSync } from 'node:fs';
import type { Notifier, OutgoingMessage } from '../../src/alerts/notifier.ts';
import { createApp } from '../../src/main.ts';

const db = process.env['CRASH_DB']!;
const inboxDir = process.env['CRASH_INBOX']!;
const sentFile = process.env['CRASH_SENT']!;
const finish = process.env['CRASH_FINISH'] === '1';
const CRASH_CHANNEL = 'crash-room';

function record(message: OutgoingMessage): void {
  const fd = openSync(sentFile, 'a');
  try {
    const line = {
      deliveryId: message.deliveryId,
      channel: message.to.channelId,
      pid: process.pid,
    };
    writeSync(fd, `${JSON.stringify(line)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

const platform: Notifier = {
  platform: 'console',
  idempotent: true,
  async send(message) {
    record(message);
    // Tells the test that a delivery is in doubt now, so it can kill the process right here.
    process.stdout.write('sending\n');
    // The platform's answer takes a moment, which is the window where a kill leaves the
    // delivery "in doubt" (`sending`): shown on the platform but not yet marked sent.
    await new Promise((resolve) => setTimeout(resolve, 30));
    return { messageId: `msg:${message.deliveryId}` };
  },
};

const app = createApp({ db });
app.alerts.subscriptions.upsert({
  platform: 'console',
  channelId: CRASH_CHANNEL,
  topic: 'kosovo',
  minLevel: 1,
  digest: 'off',
  created: new Date().toISOString(),
});
const live = await app.startLive({
  notifiers: [platform],
  inboxDir,
  // Files arrive by rename; a short settle time keeps the kills landing mid-ingest.
  inboxSettleMs: 100,
  feeds: [],
  feedIntervalMs: 60_000,
  allowPrivateFetch: false,
  fetchPages: false,
  digestHour: 7,
});
process.stdout.write('ready\n');

const waiting = () => readdirSync(inboxDir, { withFileTypes: true }).filter((e) => e.isFile());
const idle = () => {
  const backlog = app.alerts.outbox.backlog();
  return waiting().length === 0 && backlog.pending + backlog.sending === 0;
};

if (finish) {
  for (;;) {
    await live.inbox?.scan();
    if (idle()) break;
    for (const queue of live.queues) queue.kick();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await live.stop();
  app.close();
  process.stdout.write('done\n');
} else {
  // Says once that the inbox is empty and nothing waits to be sent, so that a test waiting to
  // kill during a delivery stops waiting when this restart has none to make.
  const check = setInterval(() => {
    if (!idle()) return;
    clearInterval(check);
    process.stdout.write('idle\n');
  }, 20);
}
