/**
 * What a headline says about its article, for choosing a story's title and for alerts: whether
 * it reports something or asks a question (explainers, analysis: "What is Israel's Iron Dome
 * and how does it work?"), and whether it is a URL slug ("Israel hezbollah commander killed
 * lebanon"), which some sources give instead of a title.
 */
export interface Headline {
  /** The title to show: a slug gets the capitals its words carry in the body. */
  text: string;
  kind: 'report' | 'question';
  slug: boolean;
}

/**
 * How a report's headline is stored: a report, a URL slug, a question (an explainer), or the
 * name of an occasion whose transcript the article is ("Press Briefing by Press Secretary
 * Karine Jean-Pierre"): a record, which reports no event in its headline.
 */
export type HeadlineKind = 'report' | 'slug' | 'question' | 'record';

/** Which headline a story shows first: a report's, then a slug's, a question's, a record's. */
export const HEADLINE_RANK: Readonly<Record<HeadlineKind, number>> = {
  record: -1,
  question: 0,
  slug: 1,
  report: 2,
};

export const headlineKind = (headline: Headline): HeadlineKind =>
  headline.kind === 'question' ? 'question' : headline.slug ? 'slug' : 'report';

const QUESTION =
  /^(what|why|how|who|whose|where|when|which|is|are|can|could|does|do|did|will|would|should|has|have)\b/i;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;

/** How the body spells each word it uses, by lowercase form: capitalised or not, most often. */
function bodySpellings(body: string): Map<string, { upper: number; lower: number; form: string }> {
  const spellings = new Map<string, { upper: number; lower: number; form: string }>();
  // Words that open a sentence are capitalised whatever they are: they do not count.
  for (const match of body.matchAll(WORD)) {
    const before = body.slice(Math.max(0, match.index - 2), match.index);
    if (match.index === 0 || /[.!?]\s*$|\n\s*$/.test(before)) continue;
    const word = match[0];
    // Slugs drop apostrophes: "jordans" is the body's "Jordan's".
    const key = word.toLowerCase().replace(/['’]/g, '');
    const entry = spellings.get(key) ?? { upper: 0, lower: 0, form: word };
    if (/^\p{Lu}/u.test(word)) {
      entry.upper++;
      entry.form = word;
    } else entry.lower++;
    spellings.set(key, entry);
  }
  return spellings;
}

/**
 * Reads a headline against its article's body. A title is a slug when words after its first are
 * in lowercase although the body always capitalises them (names: "hamas", "rafah"); headlines in
 * sentence case still capitalise names. A slug is shown with the body's capitals.
 */
export function readHeadline(title: string, body: string): Headline {
  const text = title.trim();
  const kind = text.endsWith('?') || QUESTION.test(text) ? 'question' : 'report';
  const words = [...text.matchAll(WORD)];
  const lowerNames = (spellings: ReturnType<typeof bodySpellings>) =>
    words.slice(1).filter((match) => {
      const entry = spellings.get(match[0].toLowerCase().replace(/['’]/g, ''));
      return match[0] === match[0].toLowerCase() && entry && entry.upper > 0 && entry.lower === 0;
    });
  if (
    words.length < 3 ||
    /\p{Lu}/u.test(
      words
        .slice(1)
        .map((match) => match[0])
        .join(' '),
    )
  )
    return { text, kind, slug: false };
  const spellings = bodySpellings(body);
  // Two such names, not one: a common word can be part of a name in the body ("Press Freedom").
  if (lowerNames(spellings).length < 2) return { text, kind, slug: false };
  let shown = '';
  let at = 0;
  for (const match of words) {
    const entry = spellings.get(match[0].toLowerCase().replace(/['’]/g, ''));
    const word = match.index > 0 && entry && entry.upper > entry.lower ? entry.form : match[0];
    shown += text.slice(at, match.index) + word;
    at = match.index + match[0].length;
  }
  return { text: shown + text.slice(at), kind, slug: true };
}
