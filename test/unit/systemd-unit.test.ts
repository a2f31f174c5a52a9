import { execFile } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, posix } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { onShutdown } from '../../src/core/shutdown.ts';
import { SERVING_ENV } from '../../bench/serving-env.ts';
import { repoRoot } from '../helpers/paths.ts';

const unitPath = join(repoRoot, 'deploy/sitrep.service');
const unitText = readFileSync(unitPath, 'utf8');

/** `[Section] Key=value` lines of a unit file, later keys of the same name appended. */
function parseUnit(text: string): Map<string, string[]> {
  const entries = new Map<string, string[]>();
  let section = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const header = /^\[(.+)\]$/.exec(line);
    if (header) {
      section = header[1]!;
      continue;
    }
    const [key, ...value] = line.split('=');
    const name = `${section}.${key}`;
    entries.set(name, [...(entries.get(name) ?? []), value.join('=')]);
  }
  return entries;
}

const unit = parseUnit(unitText);
const one = (key: string) => {
  const values = unit.get(key) ?? [];
  expect(values, key).toHaveLength(1);
  return values[0]!;
};

const systemdAnalyze = (process.env['PATH'] ?? '')
  .split(delimiter)
  .map((dir) => join(dir, 'systemd-analyze'))
  .find((path) => existsSync(path));

const work = mkdtempSync(join(tmpdir(), 'sitrep-unit-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('deploy/sitrep.service', () => {
  it('runs the package bin with `start` from the checkout, so .env and data/ are found', () => {
    const bin = (
      JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
        bin: { sitrep: string };
      }
    ).bin.sitrep;
    const [node, ...args] = one('Service.ExecStart').split(/\s+/);
    expect(posix.isAbsolute(node!)).toBe(true);
    // Node's own options (the heap limit and the collector of docs/memory.md) come before the script.
    const script = args.findIndex((arg) => !arg.startsWith('--'));
    expect(args.slice(0, script).every((arg) => /^--[a-z-]+(?:=\d+)?$/.test(arg))).toBe(true);
    expect(args.slice(script)).toEqual([bin, 'start']);
    const workingDirectory = one('Service.WorkingDirectory');
    // The default database and inbox live under a folder the service may write.
    const writable = one('Service.ReadWritePaths').split(/\s+/);
    const config = loadConfig({});
    for (const path of [dirname(config.SITREP_DB), config.SITREP_INBOX]) {
      const absolute = posix.join(workingDirectory, path);
      expect(
        writable.some((dir) => absolute === dir || absolute.startsWith(`${dir}/`)),
        absolute,
      ).toBe(true);
    }
  });

  it('sets the serving environment that `npm start` sets and the benchmark probes with', () => {
    const start = (
      JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
        scripts: { start: string };
      }
    ).scripts.start;
    const environment = one('Service.Environment').split(/\s+/);
    for (const [name, value] of Object.entries(SERVING_ENV)) {
      expect(environment).toContain(`${name}=${value}`);
      expect(start.split(/\s+/)).toContain(`${name}=${value}`);
    }
  });

  it('restarts on failure, but not on a configuration error (exit 2)', () => {
    expect(one('Service.Restart')).toBe('on-failure');
    expect(one('Service.RestartPreventExitStatus')).toBe('2');
    expect(Number(one('Service.RestartSec'))).toBeGreaterThan(0);
  });

  it('stops with the signal the bot takes as a graceful stop, and waits for it', () => {
    const signal = one('Service.KillSignal');
    const proc = Object.assign(new EventEmitter(), {
      exit: () => {},
      stderr: { write: () => true },
    }) as unknown as Parameters<typeof onShutdown>[0];
    const shutdown = onShutdown(proc);
    (proc as unknown as EventEmitter).emit(signal, signal);
    expect(shutdown.signal.aborted).toBe(true);
    shutdown.dispose();
    expect(Number(one('Service.TimeoutStopSec'))).toBeGreaterThanOrEqual(10);
  });

  it.skipIf(!systemdAnalyze)('passes systemd-analyze verify', async () => {
    // The unit names /usr/bin/node; verify checks that it exists, so point it at this node.
    const local = join(work, 'sitrep.service');
    writeFileSync(local, unitText.replace(/^ExecStart=\S+/m, `ExecStart=${process.execPath}`));
    const { stdout, stderr } = await promisify(execFile)(systemdAnalyze!, ['verify', local]);
    expect(`${stdout}${stderr}`).toBe('');
  });
});
