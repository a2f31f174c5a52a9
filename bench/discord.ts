/**
 * Discord timings that Discord's 3-second rule depends on: how long after an interaction
 * arrives the bot acknowledges it (through a real discord.js client and the local fake, with
 * the sample corpus), how long autocomplete takes to answer, and how long rendering a large
 * reply takes. Reports p50/p95/max.
 *
 *   npx tsx bench/discord.ts [--runs 50]
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { fixedClock } from '../src/core/clock.ts';
import type { Block } from '../src/core/reply.ts';
import { createApp } from '../src/main.ts';
import { autocompleteChoices } from '../src/platforms/discord/autocomplete.ts';
import { startDiscord } from '../src/platforms/discord/client.ts';
import { renderDiscord } from '../src/platforms/discord/render.ts';
import { FakeDiscord } from '../test/fakes/discord.ts';

const repoRoot = resolve(import.meta.dirname, '..');

function summary(samples: number[]): { p50: number; p95: number; max: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
  const round = (ms: number) => Math.round(ms * 100) / 100;
  return { p50: round(at(0.5)), p95: round(at(0.95)), max: round(sorted.at(-1)!) };
}

async function timed(action: () => unknown): Promise<number> {
  const started = performance.now();
  await action();
  return performance.now() - started;
}

export async function run(options: { runs?: number } = {}): Promise<Record<string, unknown>> {
  const runs = options.runs ?? 50;
  const fake = await FakeDiscord.start();
  const app = createApp({ db: ':memory:', clock: fixedClock('2023-10-02T12:00:00Z') });
  await app.ingester.ingestPaths([resolve(repoRoot, 'data/sample')]);
  const bot = await startDiscord({
    token: 'bench-token',
    apiBase: fake.apiBase,
    dispatch: app.dispatch,
    services: app.services,
  });
  try {
    const acknowledge = async (name: string, value: string, type: 2 | 4) => {
      const started = performance.now();
      const options = [{ name, type: 3 as const, value, focused: type === 4 }];
      const interaction =
        type === 2
          ? fake.chatInput('briefing', options, { guildId: '500000000000000001' })
          : fake.autocomplete('who', options);
      await fake.waitFor((r) => r.path.startsWith(`/interactions/${interaction.id}/`));
      return performance.now() - started;
    };
    const briefingAck: number[] = [];
    const autocompleteAck: number[] = [];
    for (let i = 0; i < runs; i++) {
      briefingAck.push(await acknowledge('topic', 'kosovo', 2));
      autocompleteAck.push(await acknowledge('name', 'ku', 4));
    }

    const briefing = app.services.commands.find((command) => command.name === 'briefing');
    const choices: number[] = [];
    for (let i = 0; i < runs * 20; i++) {
      choices.push(
        await timed(() => autocompleteChoices(app.services, briefing, 'topic', `k${i % 5}`)),
      );
    }

    const paragraph = 'Troops stayed in the north, the mission said on Sunday. '.repeat(40);
    const blocks: Block[] = Array.from({ length: 60 }, (_, i) => ({
      type: 'text',
      text: `${i}: ${paragraph}`,
      citations: [1, 2],
    }));
    const render: number[] = [];
    let messages = 0;
    for (let i = 0; i < runs; i++) {
      render.push(await timed(() => (messages = renderDiscord({ blocks, level: 3 }).length)));
    }

    return {
      runs,
      ackLimitMs: 3000,
      briefingAcknowledgedMs: summary(briefingAck),
      autocompleteAnsweredMs: summary(autocompleteAck),
      topicChoicesMs: summary(choices),
      renderLargeReplyMs: {
        ...summary(render),
        characters: blocks.length * paragraph.length,
        messages,
      },
    };
  } finally {
    await bot.stop();
    await fake.close();
    app.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { runs: { type: 'string' } } });
  const result = await run(values.runs ? { runs: Number(values.runs) } : {});
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}
