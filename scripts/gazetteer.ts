/**
 * Writes `src/analysis/lexicons/gazetteer.json`: compromise's word lexicon (about 24,600 words
 * with their tags: first names, surnames, places, organisations, verbs), the only part of
 * compromise the analysis reads. Loading compromise costs every thread some 40 MB; the words
 * and tags alone, grouped by tag set, are a 0.4 MB file. Run it after upgrading compromise:
 *
 *   npx tsx scripts/gazetteer.ts
 *
 * `test/unit/gazetteer.test.ts` fails while the file and the installed compromise differ.
 */
import { writeFileSync } from 'node:fs';
import nlp from 'compromise';
import { format } from 'prettier';

export interface Gazetteer {
  source: string;
  /** Each distinct tag list, in compromise's order, with its words joined by `|`. */
  sets: { tags: string[]; words: string }[];
}

export function gazetteerFromCompromise(): Gazetteer {
  const world = nlp.world() as { model: { one: { lexicon: Record<string, string | string[]> } } };
  const byTags = new Map<string, { tags: string[]; words: string[] }>();
  for (const [word, value] of Object.entries(world.model.one.lexicon)) {
    const tags = Array.isArray(value) ? value : [value];
    const key = tags.join(',');
    const set = byTags.get(key) ?? { tags, words: [] };
    set.words.push(word);
    byTags.set(key, set);
  }
  return {
    source: `compromise ${(nlp as unknown as { version: string }).version}, model.one.lexicon`,
    sets: [...byTags.values()].map(({ tags, words }) => ({ tags, words: words.join('|') })),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const target = new URL('../src/analysis/lexicons/gazetteer.json', import.meta.url);
  writeFileSync(
    target,
    await format(JSON.stringify(gazetteerFromCompromise()), { parser: 'json' }),
  );
  process.stdout.write(`wrote ${target.pathname}\n`);
}
