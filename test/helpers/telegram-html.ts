/** Tags Telegram's HTML parse mode accepts (Bot API, "HTML style"). */
const ALLOWED = new Set([
  'b',
  'strong',
  'i',
  'em',
  'u',
  'ins',
  's',
  'strike',
  'del',
  'span',
  'tg-spoiler',
  'a',
  'code',
  'pre',
  'blockquote',
  'tg-emoji',
]);

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };

export interface HtmlCheck {
  errors: string[];
  /** The text as the user sees it: tags removed, entities decoded. */
  text: string;
}

/**
 * Checks a message the way Telegram's HTML parser would refuse it: unknown tags, unbalanced or
 * crossed tags, and raw `<`, `>` or `&` outside tags and entities. Also returns the visible text,
 * whose length is what the 4096 limit counts.
 */
export function checkTelegramHtml(html: string): HtmlCheck {
  const errors: string[] = [];
  const stack: string[] = [];
  let text = '';
  const token =
    /<(\/?)([a-z-]+)((?:\s+[a-z-]+="[^"<>]*")*)\s*>|&(lt|gt|amp|quot|#\d+|#x[0-9a-f]+);|[<>&]/gi;
  let last = 0;
  for (const match of html.matchAll(token)) {
    text += html.slice(last, match.index);
    last = match.index + match[0].length;
    if (match[2] !== undefined) {
      const name = match[2].toLowerCase();
      if (!ALLOWED.has(name)) errors.push(`tag <${name}> is not allowed`);
      if (match[1] === '/') {
        const open = stack.pop();
        if (open !== name) errors.push(`</${name}> closes <${open ?? 'nothing'}>`);
      } else {
        stack.push(name);
      }
    } else if (match[4] !== undefined) {
      const entity = match[4].toLowerCase();
      text +=
        ENTITIES[entity] ??
        String.fromCodePoint(
          Number(entity.startsWith('#x') ? `0x${entity.slice(2)}` : entity.slice(1)),
        );
    } else {
      errors.push(`raw "${match[0]}" at ${match.index}`);
      text += match[0];
    }
  }
  text += html.slice(last);
  for (const open of stack) errors.push(`<${open}> is never closed`);
  return { errors, text };
}
