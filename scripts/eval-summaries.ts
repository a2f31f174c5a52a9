/**
 * Scores the per-article summary against CNN/DailyMail reference highlights, beside Lead-3
 * (the first three sentences of the same split) computed in the same run, and the dataset's own
 * Lead-3 when `<name>.lead3.jsonl` sits beside the input:
 *
 *   npm run eval:summaries -- ../shared/dev-data/cnndm/dev.jsonl
 *
 * Input lines are `{"id", "article", "reference"}`. ROUGE is js-rouge's F-measure with inputs
 * lowercased and split on non-alphanumerics (so the references' PTB tokenisation does not
 * matter); ROUGE-L is the summary-level union LCS over sentences. No stemming, so figures run
 * a little below papers that use ROUGE-1.5.5 with `-m`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { l as rougeL, n as rougeN } from 'js-rouge';
import { splitSentences } from '../src/analysis/sentences.ts';
import { SUMMARY_SENTENCES, summarizeSentences } from '../src/analysis/summarize.ts';

interface Row {
  id: string;
  article: string;
  reference: string;
}

const tokenize = (text: string) =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
/** Sentences for ROUGE-L: ours are joined with newlines, the references with " . ". */
const segment = (text: string) =>
  text
    .split(/\n| \. /)
    .map((part) => part.trim())
    .filter(Boolean);

function readRows(path: string): Row[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line, index) => {
      const row = JSON.parse(line) as Partial<Row>;
      if (typeof row.article !== 'string' || typeof row.reference !== 'string')
        throw new Error(`line ${index + 1}: expected {"id","article","reference"}`);
      return { id: String(row.id ?? index), article: row.article, reference: row.reference };
    });
}

function score(systems: Record<string, (row: Row) => string[]>, rows: readonly Row[]) {
  return Object.entries(systems).map(([name, summarise]) => {
    const totals = { r1: 0, r2: 0, rl: 0 };
    for (const row of rows) {
      const candidate = summarise(row).join('\n');
      totals.r1 += rougeN(candidate, row.reference, { n: 1, tokenizer: tokenize });
      totals.r2 += rougeN(candidate, row.reference, { n: 2, tokenizer: tokenize });
      totals.rl += rougeL(candidate, row.reference, { tokenizer: tokenize, segmenter: segment });
    }
    const mean = (sum: number) => ((100 * sum) / rows.length).toFixed(2);
    return { system: name, R1: mean(totals.r1), R2: mean(totals.r2), RL: mean(totals.rl) };
  });
}

const path = process.argv[2];
if (!path) {
  process.stderr.write('usage: npm run eval:summaries -- <dev.jsonl>\n');
  process.exit(2);
}
const rows = readRows(path);
/** The dataset's own Lead-3 (FRANK's sentence split), when `<name>.lead3.jsonl` sits beside it. */
const lead3Path = path.replace(/\.jsonl$/, '.lead3.jsonl');
const publishedLead3 = existsSync(lead3Path)
  ? new Map(
      readFileSync(lead3Path, 'utf8')
        .split('\n')
        .filter((line) => line.trim())
        .map((line) => JSON.parse(line) as { id: string; lead3: string })
        .map((row) => [row.id, row.lead3]),
    )
  : null;
const table = score(
  {
    'sitrep summary (3 sentences)': (row) =>
      summarizeSentences(splitSentences(row.article), '', SUMMARY_SENTENCES),
    'Lead-3 (same sentence split)': (row) =>
      splitSentences(row.article)
        .slice(0, SUMMARY_SENTENCES)
        .map((sentence) => sentence.text),
    ...(publishedLead3
      ? {
          "Lead-3 (dataset's own split)": (row: Row) =>
            splitSentences(publishedLead3.get(row.id) ?? '').map((sentence) => sentence.text),
        }
      : {}),
  },
  rows,
);
process.stdout.write(`${rows.length} articles from ${path}\n`);
console.table(table);
