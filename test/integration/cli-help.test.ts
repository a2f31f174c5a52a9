import { describe, expect, it } from 'vitest';
import { main, subcommands } from '../../src/cli.ts';
import { captureIo } from '../helpers/cli-io.ts';

describe('sitrep --help', () => {
  it('every subcommand answers --help with its usage, options and exit codes', async () => {
    expect(subcommands.map((subcommand) => subcommand.name)).toEqual(
      expect.arrayContaining(['start', 'ingest', 'ask', 'analyze', 'register-commands']),
    );
    for (const { name } of subcommands) {
      for (const argv of [
        [name, '--help'],
        [name, '-h'],
        ['help', name],
      ]) {
        const run = captureIo();
        expect(await main(argv, run.io)).toBe(0);
        expect(run.stdout()).toMatch(new RegExp(`^usage: sitrep ${name} `));
        expect(run.stdout()).toMatch(/exit code/);
        expect(run.stderr()).toBe('');
      }
    }
  });

  it('lists every subcommand in the overview', async () => {
    const run = captureIo();
    expect(await main(['--help'], run.io)).toBe(0);
    for (const { name } of subcommands) expect(run.stdout()).toContain(`sitrep ${name} `);
  });

  it('answers an unknown option with the subcommand usage and exit code 2', async () => {
    const run = captureIo();
    expect(await main(['analyze', '--bogus'], run.io)).toBe(2);
    expect(run.stderr()).toMatch(/usage: sitrep analyze \[--plain \| --jsonl\]/);
    expect(run.stderr()).not.toMatch(/at parseArgs|TypeError/);
  });
});
