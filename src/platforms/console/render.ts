import { quoteCitations, quoteDate, type Block, type Reply } from '../../core/reply.ts';
import { withoutInvisible } from '../../core/untrusted-text.ts';
import { plural } from '../../core/plural.ts';

export interface ConsoleStyle {
  width: number;
  colour: boolean;
}

const ANSI = {
  bold: '\u001b[1m',
  dim: '\u001b[2m',
  yellow: '\u001b[33m',
  red: '\u001b[31m',
  reset: '\u001b[0m',
};

// Terminal escape sequences and control characters are exactly what these patterns must name.
// eslint-disable-next-line no-control-regex
const ESCAPE_SEQUENCE = /\u001b\[[0-9;?]*[ -/]*[@-~]/g;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTER = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * Removes terminal control sequences, other control characters and invisible formatting
 * characters (bidirectional overrides, zero-width spaces) that article text may hold.
 */
export function stripControls(text: string): string {
  return withoutInvisible(text).replace(ESCAPE_SEQUENCE, '').replace(CONTROL_CHARACTER, '');
}

/**
 * A source's link as the console shows it, `<url>` at the end of the line: web links only, so
 * that neither a `javascript:` link nor a title holding `<https://evil.example>` (its angle
 * brackets are shown as ‹ ›) can pass for the source's address.
 */
function sourceText(title: string, url: string | null): string {
  const shown = stripControls(title).replace(/</g, '‹').replace(/>/g, '›');
  if (!url) return shown;
  try {
    const parsed = new URL(stripControls(url));
    return parsed.protocol === 'http:' || parsed.protocol === 'https:'
      ? `${shown} <${parsed.href}>`
      : shown;
  } catch {
    return shown;
  }
}

/** Greedy word wrap to `width` columns, with `indent` before continuation lines. */
export function wrap(text: string, width: number, indent = ''): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = indent + word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

const cite = (citations: readonly number[] | undefined) =>
  citations && citations.length > 0 ? ` ${citations.map((n) => `[${n}]`).join('')}` : '';

function renderBlock(block: Block, style: ConsoleStyle): string[] {
  const paint = (code: string, text: string) =>
    style.colour ? `${code}${text}${ANSI.reset}` : text;
  const width = Math.max(20, style.width);
  switch (block.type) {
    case 'heading':
      return [paint(ANSI.bold, stripControls(block.text)), ''];
    case 'text':
      return [...wrap(stripControls(block.text) + cite(block.citations), width), ''];
    case 'list':
      return [
        ...block.items.flatMap((item) =>
          wrap(
            `${item.marker ?? '-'} ${stripControls(item.text)}${cite(item.citations)}`,
            width,
            '  ',
          ),
        ),
        '',
      ];
    case 'quote': {
      const meta = [block.speaker, quoteDate(block.date)].filter(Boolean).join(', ');
      const cited = quoteCitations(block)
        .map((n) => `[${n}]`)
        .join('');
      return [
        ...wrap(`> ${stripControls(block.text)}`, width, '  '),
        paint(ANSI.dim, `  - ${stripControls(meta)}${cited ? ` ${cited}` : ''}`),
        '',
      ];
    }
    case 'person':
      return [
        paint(ANSI.bold, stripControls(block.name)),
        ...(block.roles.length > 0 ? wrap(stripControls(block.roles.join('; ')), width) : []),
        ...(block.detail ? [paint(ANSI.dim, stripControls(block.detail))] : []),
        '',
      ];
    case 'fields':
      return [
        ...block.fields.map(
          (field) =>
            `${paint(ANSI.bold, `${stripControls(field.name)}:`)} ${stripControls(field.value)}`,
        ),
        '',
      ];
    case 'sources':
      return [
        paint(ANSI.bold, 'Sources'),
        ...block.items.flatMap((source) =>
          wrap(
            `[${source.n}] ${stripControls(source.outlet)}${source.outlets && source.outlets > 1 ? ` (+${plural(source.outlets - 1, 'outlet')})` : ''}, ${source.published.slice(0, 10)}: ${sourceText(source.title, source.url)}`,
            width,
            '    ',
          ),
        ),
        '',
      ];
    case 'notice': {
      const colour =
        block.level === 'error' ? ANSI.red : block.level === 'warning' ? ANSI.yellow : ANSI.dim;
      return [...wrap(stripControls(block.text), width).map((line) => paint(colour, line)), ''];
    }
    case 'image':
      return [...stripControls(block.fallback).split('\n'), ''];
  }
}

/** A reply as terminal text: wrapped to the width, coloured only when `colour` is set. */
export function renderConsole(reply: Reply, style: ConsoleStyle): string {
  const lines = reply.blocks.flatMap((block) => renderBlock(block, style));
  if (reply.actions && reply.actions.length > 0) {
    lines.push(
      ...reply.actions.map((action) => paint(style, `${action.label}: ${action.commandLine}`)),
    );
  }
  while (lines.at(-1) === '') lines.pop();
  return lines.join('\n');
}

function paint(style: ConsoleStyle, text: string): string {
  return style.colour ? `${ANSI.dim}${text}${ANSI.reset}` : text;
}
