/**
 * Reads a PolNeAR split (brat standoff: `text/*.txt` and `attributions/*.ann`), one annotator
 * per article: the first in name order. Shared by the quote evaluation, the cue model's
 * training and their cross-validation.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Fragment {
  start: number;
  end: number;
}

export interface GoldAttribution {
  content: Fragment[];
  source: Fragment[] | null;
  sourceText: string | null;
  cue: Fragment[] | null;
  cueText: string | null;
}

export interface PolnearArticle {
  stem: string;
  text: string;
  gold: GoldAttribution[];
}

export function parseAnn(text: string): GoldAttribution[] {
  const spans = new Map<string, { fragments: Fragment[]; text: string }>();
  const relations: string[][] = [];
  for (const line of text.split('\n')) {
    const [id, body, covered] = line.split('\t');
    if (!id || !body) continue;
    if (id.startsWith('T')) {
      const [, ...offsets] = body.split(' ');
      const fragments = offsets
        .join(' ')
        .split(';')
        .map((part) => {
          const [start, end] = part.trim().split(' ').map(Number);
          return { start: start!, end: end! };
        });
      spans.set(id, { fragments, text: covered ?? '' });
    } else if (id.startsWith('E')) relations.push(body.split(' '));
  }
  const gold: GoldAttribution[] = [];
  for (const roles of relations) {
    if (roles.length === 0) continue;
    let content: Fragment[] = [];
    let source: { fragments: Fragment[]; text: string } | null = null;
    let cue: { fragments: Fragment[]; text: string } | null = null;
    for (const role of roles) {
      const [name, ref] = role.split(':');
      const span = spans.get(ref ?? '');
      if (!span) continue;
      if (name === 'Content' || name === 'Content2') content = content.concat(span.fragments);
      if (name === 'Source') source = span;
      if (name === 'Cue') cue = span;
    }
    if (content.length > 0)
      gold.push({
        content,
        source: source?.fragments ?? null,
        sourceText: source?.text ?? null,
        cue: cue?.fragments ?? null,
        cueText: cue?.text ?? null,
      });
  }
  return gold;
}

/** Every annotated article of a split, in name order; exits with a message when it is absent. */
export function readPolnear(dir: string): PolnearArticle[] {
  if (!existsSync(join(dir, 'text')) || !existsSync(join(dir, 'attributions'))) {
    console.error(`No PolNeAR split at ${dir} (expected text/ and attributions/ in it).`);
    process.exit(2);
  }
  const texts = readdirSync(join(dir, 'text'))
    .filter((name) => name.endsWith('.txt'))
    .sort();
  const annotations = readdirSync(join(dir, 'attributions')).sort();
  const articles: PolnearArticle[] = [];
  for (const name of texts) {
    const stem = name.slice(0, -4);
    const ann = annotations.find((file) => file.startsWith(`${stem}_`) && file.endsWith('.ann'));
    if (!ann) continue;
    articles.push({
      stem,
      text: readFileSync(join(dir, 'text', name), 'utf8'),
      gold: parseAnn(readFileSync(join(dir, 'attributions', ann), 'utf8')),
    });
  }
  return articles;
}
