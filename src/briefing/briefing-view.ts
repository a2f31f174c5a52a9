import { normaliseText } from '../corpus/article-id.ts';
import type { Store } from '../corpus/store/store.ts';
import { NOT_ASCII } from '../corpus/topics.ts';
import type { SourceRef } from '../core/reply.ts';
import { actorsFor, createNameLookup } from './actors.ts';
import { windowStories } from '../analysis/stories/read.ts';
import { directoryOf } from './people-directory.ts';
import { developmentsFor, MAX_DEVELOPMENTS, type Development } from './developments.ts';
import { escalationFor, type EscalationView } from './escalation.ts';
import { rankStories } from './importance.ts';
import { rankAcrossStories } from './multi-summary.ts';
import { foldSyndicated, type SourceGroup } from './syndication.ts';
import { tellingQuotes } from './telling-quotes.ts';
import { topicWindow } from './topic-window.ts';
import { readStoryArticles, topicArticles, type WindowArticle } from './window-articles.ts';
import type { BriefingSnippet, BriefingWriter, WriterResult } from './writer.ts';
import { plural } from '../core/plural.ts';

/** The `/briefing` view: the `data` of `sitrep ask --json`, as docs/architecture.md defines it. */
export interface BriefingView {
  topic: string;
  window: { from: string; to: string };
  escalation: EscalationView;
  summary: { text: string; citations: number[] }[];
  /** Who wrote the summary: ranked extractive sentences, or a model whose output was verified. */
  summaryBy: 'extractive' | 'model';
  developments: {
    date: string;
    text: string;
    severity: number | null;
    citations: number[];
    story: string;
    /** Not shown in this channel's previous briefing on the topic. */
    new: boolean;
  }[];
  actors: { name: string; role: string | null; mentions: number }[];
  /** The window only names the topic in passing: no development, level or actor comes from it. */
  passingOnly: boolean;
  quotes: { speaker: string; text: string; citation: number }[];
  sources: SourceRef[];
}

/** A briefing plus what a model needs to rewrite its summary from the same sources. */
export interface BriefingDraft {
  view: BriefingView;
  topicKey: string;
  snippets: BriefingSnippet[];
  sourceTexts: Map<number, string>;
}

/** Numbers source groups in the order a reader meets their first citation. */
function numberGroups(order: readonly string[]): Map<string, number> {
  const numbers = new Map<string, number>();
  for (const key of order) if (!numbers.has(key)) numbers.set(key, numbers.size + 1);
  return numbers;
}

function sourceRef(group: SourceGroup, n: number): SourceRef {
  const { title, outlet, url, published } = group.items[0]!.article;
  return {
    n,
    title,
    outlet,
    url,
    published,
    ...(group.outlets > 1 ? { outlets: group.outlets } : {}),
  };
}

/** Stories whose reports a briefing reads (for its summary, actors and quotes), and how many each. */
const READ_STORIES = 10;
const READ_PER_STORY = 3;

/**
 * What a briefing is built from: the window's events (stories) the topic is central to, most
 * important first, and the articles read for them (the best few reports of the top stories).
 * Without a story index (nothing of the window indexed) it falls back on the window's newest
 * articles, one development per report, with severity unknown.
 */
function briefingSources(
  store: Store,
  topicInput: string,
  now: Date,
  days: number | undefined,
): {
  window: ReturnType<typeof topicWindow>;
  items: WindowArticle[];
  groups: SourceGroup[];
  developments: Development[];
  escalation: EscalationView;
  /** The topic is only named in passing in the window: no events, actors or quotes on it. */
  passingOnly: boolean;
} {
  const window = topicWindow(store, topicInput, now, days);
  const stories = windowStories(store.db, window.topic, window.from, window.to);
  if (stories.length === 0) {
    const { items } = topicArticles(store, topicInput, now, days);
    const groups = foldSyndicated(items);
    const developments = groups.slice(0, MAX_DEVELOPMENTS).map((group) => ({
      story: group.key,
      date: group.items[0]!.article.published,
      text: group.items[0]!.article.title,
      severity: null,
      groups: [group.key],
    }));
    return {
      window,
      items,
      groups,
      developments,
      escalation: escalationFor([], window),
      passingOnly: false,
    };
  }
  const ranked = rankStories(stories, window);
  // A topic named only in passing still gets its sentences read, but no development.
  const read = ranked.length > 0 ? ranked : [...stories].reverse();
  const { items, readOf } = readStoryArticles(
    store,
    window,
    read.slice(0, READ_STORIES),
    READ_PER_STORY,
  );
  const groups = foldSyndicated(items);
  const groupOf = new Map(
    groups.flatMap((group) => group.items.map((item) => [item.article.id, group.key] as const)),
  );
  const groupsOf = (storyId: string) => [
    ...new Set(
      (readOf.get(storyId) ?? [])
        .map((id) => groupOf.get(id))
        .filter((key): key is string => key !== undefined),
    ),
  ];
  return {
    window,
    items,
    groups,
    developments: developmentsFor(ranked.slice(0, MAX_DEVELOPMENTS), groupsOf),
    escalation: escalationFor(stories, window),
    passingOnly: ranked.length === 0,
  };
}

/**
 * Builds a briefing from the window's events: developments are its most important stories, one
 * line each (`MAX_DEVELOPMENTS`); the summary ranks sentences about the topic across the reports
 * read for them and cites every source that states each one; escalation, actors and quotes come
 * from the event and people analyses (unknown or empty without them). Syndicated copies fold
 * into one source. Throws NoCoverage, with the closest known topics, when nothing matches.
 */
export function buildBriefing(
  store: Store,
  topicInput: string,
  now: Date,
  days?: number,
): BriefingDraft {
  const { window, groups, developments, escalation, passingOnly } = briefingSources(
    store,
    topicInput,
    now,
    days,
  );
  const ranked = rankAcrossStories(groups, window.topic);
  // Documents that only name the topic in passing say nothing of who acts in it.
  const lookUp = createNameLookup(directoryOf(store).forCommand());
  const about = namesTopic(window.topic.terms);
  const actors = passingOnly ? [] : actorsFor(groups, lookUp, about);
  const quotes = tellingQuotes(
    groups,
    actors.map((actor) => actor.name),
    (speaker) => lookUp(speaker)?.name ?? speaker,
    about,
    passingOnly,
  );
  const numberOf = numberGroups([
    ...ranked.flatMap((sentence) => sentence.groups),
    ...developments.flatMap((development) => development.groups),
    ...quotes.map((quote) => quote.group),
  ]);
  const cite = (keys: readonly string[]) =>
    [...new Set(keys.map((key) => numberOf.get(key)!))].sort((a, b) => a - b);
  const byKey = new Map(groups.map((group) => [group.key, group]));
  const sources = [...numberOf].map(([key, n]) => sourceRef(byKey.get(key)!, n));

  const snippets: BriefingSnippet[] = [];
  const sourceTexts = new Map<number, string>();
  for (const [key, n] of numberOf) {
    const group = byKey.get(key)!;
    const { article, analysis } = group.items[0]!;
    snippets.push({
      n,
      outlet: article.outlet,
      title: article.title,
      published: article.published,
      text: (analysis?.summary.length ? analysis.summary : [article.body.slice(0, 600)]).join(' '),
    });
    sourceTexts.set(
      n,
      group.items.map((item) => `${item.article.title}\n${item.article.body}`).join('\n\n'),
    );
  }

  return {
    topicKey: window.topic.key,
    snippets,
    sourceTexts,
    view: {
      topic: window.topic.label,
      window: { from: window.from, to: window.to },
      escalation,
      summary: ranked.map((sentence) => ({
        text: sentence.text,
        citations: cite(sentence.groups),
      })),
      summaryBy: 'extractive',
      developments: developments.map((development) => ({
        date: development.date,
        text: development.text,
        severity: development.severity,
        citations: cite(development.groups),
        story: development.story,
        new: false,
      })),
      actors,
      passingOnly,
      quotes: quotes.map((quote) => ({
        speaker: quote.speaker,
        text: quote.text,
        citation: numberOf.get(quote.group)!,
      })),
      sources,
    },
  };
}

const FALLBACK_NOTE: Record<string, string> = {
  timeout: 'the model did not answer in time',
  'rate-limited': 'the model is rate-limited',
  error: 'the model could not be reached',
  unverified: 'the model’s summary failed verification against the sources',
};

/**
 * Lets the configured model rewrite the summary from the draft's numbered sources. The writer
 * verifies its output; on any failure the extractive summary stays and the returned note says
 * why, for a footer.
 */
export async function withModelSummary(
  draft: BriefingDraft,
  writer: BriefingWriter,
  cacheKey: string,
): Promise<{ view: BriefingView; note: string | null }> {
  if (draft.snippets.length === 0) return { view: draft.view, note: null };
  const result = await writer
    .write({
      topic: draft.view.topic,
      cacheKey,
      snippets: draft.snippets,
      sourceTexts: draft.sourceTexts,
    })
    .catch((): WriterResult => ({ ok: false, reason: 'error' }));
  if (!result.ok) {
    return {
      view: draft.view,
      note: `Extractive summary shown: ${FALLBACK_NOTE[result.reason] ?? result.reason}.`,
    };
  }
  return {
    view: { ...draft.view, summary: result.summary, summaryBy: 'model' },
    note:
      result.dropped > 0
        ? `Summary written by a language model and checked against the sources; ${plural(result.dropped, 'unsupported sentence')} removed.`
        : 'Summary written by a language model and checked against the sources.',
  };
}

/** Marks the developments whose stories the channel had not been shown before. */
export function markNew(view: BriefingView, fresh: ReadonlySet<string>): BriefingView {
  return {
    ...view,
    developments: view.developments.map((item) => ({ ...item, new: fresh.has(item.story) })),
  };
}

/**
 * Whether a text names one of a topic's terms (a word prefix, or a phrase), folded. A briefing
 * asks this of hundreds of stretches of text, most of which name no term. Folding text in ASCII
 * only lowercases it and blanks what is not a letter or digit, so a stretch whose lowercased
 * text holds no term's first word is answered without folding it.
 */
function namesTopic(terms: readonly string[]): (text: string) => boolean {
  const folded = terms.map((term) => normaliseText(term)).filter(Boolean);
  const firstWords = folded.some((term) => NOT_ASCII.test(term))
    ? null
    : folded.map((term) => term.split(' ')[0]!);
  // The actors, the quotes and the focus test ask again of the same leads and paragraphs.
  const answers = new Map<string, boolean>();
  return (text) => {
    if (firstWords && !NOT_ASCII.test(text)) {
      const lower = text.toLowerCase();
      if (!firstWords.some((word) => lower.includes(word))) return false;
    }
    const known = answers.get(text);
    if (known !== undefined) return known;
    const words = ` ${normaliseText(text)}`;
    const answer = folded.some((term) => words.includes(` ${term}`));
    answers.set(text, answer);
    return answer;
  };
}
