/**
 * Writes the README's command table from the command definitions (`commands/*.ts`), so that
 * README, `/help` and what the commands accept cannot drift apart: `npm run docs:commands`
 * rewrites the table, and a test fails when the README holds another one.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { commands } from '../commands/index.ts';
import { commandReference, type CommandReference } from '../src/core/command-reference.ts';

export const TABLE_START = '<!-- commands:start: npm run docs:commands writes this table -->';
export const TABLE_END = '<!-- commands:end -->';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

function row(command: CommandReference): string {
  const options = command.options.map((option) => `\`${option.name}\`: ${option.text}.`);
  const text = [
    command.details ?? command.description,
    options.length > 0 ? `<br>${options.join(' ')}` : '',
    command.limits ? `<br>${command.limits}` : '',
  ].join('');
  return `| \`${cell(command.usage)}\` | ${cell(text)} |`;
}

/** The Markdown table of every command: usage, what it answers, its options and limits. */
export function commandTable(references: readonly CommandReference[]): string {
  return ['| command | what it answers |', '| --- | --- |', ...references.map(row)].join('\n');
}

/** The README with the text between the table markers replaced by `table`. */
export function withCommandTable(readme: string, table: string): string {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start === -1 || end < start) {
    throw new Error(`README.md has no ${TABLE_START} ... ${TABLE_END} markers`);
  }
  return `${readme.slice(0, start + TABLE_START.length)}\n${table}\n${readme.slice(end)}`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const path = resolve(import.meta.dirname, '../README.md');
  const before = readFileSync(path, 'utf8');
  const after = withCommandTable(before, commandTable(commands.map(commandReference)));
  if (after !== before) writeFileSync(path, after);
  console.log(
    after === before ? 'README.md: command table up to date' : 'README.md: command table rewritten',
  );
}
