import { extname } from 'node:path';
import type { ArticleInput } from '../article.ts';
import { parseHtmlArticle } from './html.ts';
import { articleFromRecord, parseJson, recordsOfJson } from './json.ts';
import { parseMarkdownArticle } from './markdown.ts';
import { ParseError, type ParseFailure } from './parse-error.ts';
import { parseTextArticle } from './text.ts';

/** Largest file read as articles; a bigger one is refused whole with its size named. */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;

export type DocumentFormat = 'text' | 'markdown' | 'json' | 'ndjson' | 'html';

export interface ParsedDocument {
  articles: ArticleInput[];
  failures: ParseFailure[];
}

const BY_EXTENSION: Record<string, DocumentFormat> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.json': 'json',
  '.ndjson': 'ndjson',
  '.jsonl': 'ndjson',
  '.html': 'html',
  '.htm': 'html',
};

/** The format of a document: its extension, else a look at its first characters. */
export function detectFormat(name: string, text: string): DocumentFormat {
  const known = BY_EXTENSION[extname(name).toLowerCase()];
  if (known) return known;
  const head = text.trimStart().slice(0, 200);
  if (head.startsWith('---')) return 'markdown';
  if (/^<(!doctype html|html|head|body|article)/i.test(head)) return 'html';
  if (head.startsWith('[')) return 'json';
  if (head.startsWith('{')) {
    const firstLine = text.trimStart().split('\n', 1)[0] ?? '';
    return text.trim().includes('\n') && isJson(firstLine) ? 'ndjson' : 'json';
  }
  return 'text';
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** Refuses bytes that are not a text file: too large, empty, binary or not UTF-8. */
function decode(bytes: Uint8Array): string {
  if (bytes.length > MAX_FILE_BYTES) {
    const mb = (bytes.length / 1024 / 1024).toFixed(1);
    throw new ParseError(`file too large (${mb} MB, limit ${MAX_FILE_BYTES / 1024 / 1024} MB)`);
  }
  if (bytes.length === 0) throw new ParseError('empty file');
  if (bytes.subarray(0, 8192).includes(0)) throw new ParseError('binary file, not text');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ParseError('not valid UTF-8 text');
  }
  if (!text.trim()) throw new ParseError('empty file');
  return text;
}

function collect(
  items: readonly unknown[],
  origin: string,
  fallbackDate: string,
  label: string,
): ParsedDocument {
  const result: ParsedDocument = { articles: [], failures: [] };
  if (items.length === 0) result.failures.push({ origin, reason: 'no articles in the file' });
  items.forEach((item, index) => {
    try {
      result.articles.push(articleFromRecord(item, `${origin}${label}${index + 1}`, fallbackDate));
    } catch (error) {
      if (!(error instanceof ParseError)) throw error;
      result.failures.push({ origin: `${origin}${label}${index + 1}`, reason: error.message });
    }
  });
  return result;
}

/**
 * Parses one file (or fetched document) into articles. Never throws for bad content: every
 * problem comes back as a failure naming the file (and line or item) and the reason, so one bad
 * file or line never stops an ingest.
 *
 * @param fallbackDate used when the document carries no date (a file's modification time).
 */
export function parseDocument(
  origin: string,
  bytes: Uint8Array,
  fallbackDate: string,
): ParsedDocument {
  try {
    const text = decode(bytes);
    switch (detectFormat(origin, text)) {
      case 'text':
        return { articles: [parseTextArticle(text, origin, fallbackDate)], failures: [] };
      case 'markdown':
        return { articles: [parseMarkdownArticle(text, origin, fallbackDate)], failures: [] };
      case 'html':
        return { articles: [parseHtmlArticle(text, origin, fallbackDate)], failures: [] };
      case 'json':
        return collect(recordsOfJson(parseJson(text)), origin, fallbackDate, '#');
      case 'ndjson':
        return text.split('\n').reduce<ParsedDocument>(
          (result, line, index) => {
            if (!line.trim()) return result;
            const where = `${origin}:${index + 1}`;
            try {
              result.articles.push(articleFromRecord(parseJson(line), where, fallbackDate));
            } catch (error) {
              if (!(error instanceof ParseError)) throw error;
              result.failures.push({ origin: where, reason: error.message });
            }
            return result;
          },
          { articles: [], failures: [] },
        );
    }
  } catch (error) {
    if (error instanceof ParseError)
      return { articles: [], failures: [{ origin, reason: error.message }] };
    throw error;
  }
}
