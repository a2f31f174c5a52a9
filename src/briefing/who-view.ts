import type { QuoteKind } from '../analysis/analysis.ts';
import type { PeopleDirectory } from '../analysis/people/directory.ts';
import { resolveTopic } from '../corpus/topics.ts';
import { ftsMatch } from '../corpus/store/fts-query.ts';
import type { Store } from '../corpus/store/store.ts';
import { ErrorId, UserError } from '../core/errors.ts';
import { directoryOf } from './people-directory.ts';
import type { ArticleRef } from './sources.ts';

/** The `/who` view: the `data` of `sitrep ask --json`, as docs/architecture.md defines it. */
export interface WhoView {
  query: string;
  /** The name asked, without the topic a line ended with ("biden" of "/who biden gaza"). */
  name: string;
  person: {
    name: string;
    aliases: string[];
    roles: string[];
    /** Statements in the whole corpus, and when the person was first and last seen. */
    statements: number;
    firstSeen: string;
    lastSeen: string;
  } | null;
  candidates: string[];
  /** Namesakes passed over for a far better known person of the surname asked ("Jill Biden"). */
  others: string[];
  statements: {
    text: string;
    kind: QuoteKind;
    cue: string | null;
    /** The (first) day it was said: from its sentence ("last week") or else its article. */
    date: string;
    /** How to show when it was said: a day, "week of <day>" or a month ("2023-05"). */
    dateLabel: string;
    article: ArticleRef;
    /** Later articles that reported the same statement again (recaps, syndicated copies). */
    alsoIn: ArticleRef[];
  }[];
  /** The topic the statements were narrowed to, if any. */
  topic: string | null;
  page: number;
  /** True when another page of statements follows. */
  more: boolean;
}

export interface WhoOptions {
  topic?: string | undefined;
  days?: number | undefined;
  page?: number | undefined;
  pageSize?: number;
}

const DEFAULT_PAGE_SIZE = 10;

/**
 * "2023-09-29" for a day, "2023-05" for a whole month, "2018" for a year (a whole one, or this
 * year up to the article's day), "week of 2023-09-25" for a span.
 */
export function saidLabel(start: string, end: string): string {
  if (start === end) return start;
  if (
    start.endsWith('-01-01') &&
    end.slice(0, 4) === start.slice(0, 4) &&
    end > `${start.slice(0, 4)}-01-31`
  )
    return start.slice(0, 4);
  const last = new Date(Date.UTC(Number(start.slice(0, 4)), Number(start.slice(5, 7)), 0));
  if (start.endsWith('-01') && end === last.toISOString().slice(0, 10)) return start.slice(0, 7);
  return `week of ${start}`;
}
const DAY_MS = 86_400_000;

/**
 * What `/who` should be asked for a name typed in a chat: the one person it means (full name,
 * alias or surname), the name itself when it fits several people (`/who` then offers them),
 * or null when it names no one.
 */
export function knownPerson(store: Store, query: string): string | null {
  const resolution = directoryOf(store).resolve(query);
  if (resolution.status === 'found') return resolution.person.name;
  return resolution.status === 'ambiguous' ? query : null;
}

/**
 * Splits "kirby kosovo" into a person and a topic when the whole line names no one, so that
 * text platforms (which pass one string) narrow by topic as Discord's options do. A known topic
 * is tried first; then any trailing words, searched as text ("biden jordan").
 */
function splitTopic(
  directory: PeopleDirectory,
  query: string,
): { name: string; topic: string } | null {
  const words = query.trim().split(/\s+/);
  for (const knownOnly of [true, false])
    for (let cut = words.length - 1; cut >= 1; cut--) {
      const topic = words.slice(cut).join(' ');
      if (knownOnly && !resolveTopic(topic).known) continue;
      const name = words.slice(0, cut).join(' ');
      if (directory.resolve(name).status !== 'unknown') return { name, topic };
    }
  return null;
}

/**
 * What a person said, newest first, from the people registry filled at ingest: their card
 * (name, aliases, roles) and one page of statements, optionally narrowed to a topic and to the
 * last `days`. An ambiguous surname returns candidates instead of a person; an unknown name
 * is a UserError carrying the closest known names.
 */
export function buildWho(
  store: Store,
  query: string,
  now: Date,
  options: WhoOptions = {},
): WhoView {
  const asked = query.trim();
  if (!/[\p{L}\p{N}]/u.test(asked))
    throw new UserError(
      ErrorId.MissingOption,
      'Whose statements? Give a name, such as /who kirby.',
    );
  const directory = directoryOf(store);
  let name = asked;
  let topicInput = options.topic;
  let resolution = directory.resolve(name);
  if (resolution.status === 'unknown' && topicInput === undefined) {
    const split = splitTopic(directory, asked);
    if (split) {
      name = split.name;
      topicInput = split.topic;
      resolution = directory.resolve(name);
    }
  }
  const page = Math.max(1, options.page ?? 1);
  const base = { query: asked, name, topic: null, page, more: false, others: [], statements: [] };
  if (resolution.status === 'unknown') {
    const hint = resolution.closest.length > 0 ? ` Closest: ${resolution.closest.join(', ')}.` : '';
    throw new UserError(
      ErrorId.UnknownPerson,
      `No one called "${asked.slice(0, 100)}" in the corpus.${hint}`,
      {
        closest: resolution.closest,
      },
    );
  }
  if (resolution.status === 'ambiguous')
    return { ...base, person: null, candidates: resolution.candidates.map((row) => row.name) };
  const card = directory.card(resolution.person.id)!;
  const topic = topicInput === undefined ? null : resolveTopic(topicInput);
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  // The surname-only rows shown with the person count for the card too.
  const ids = [card.id, ...resolution.joined.map((row) => row.id)];
  let statements = resolution.joined.reduce((sum, row) => sum + row.statements, card.statements);
  const firstSeen = resolution.joined.reduce(
    (first, row) => (row.first_seen < first ? row.first_seen : first),
    card.firstSeen,
  );
  let lastSeen = resolution.joined.reduce(
    (last, row) => (row.last_seen > last ? row.last_seen : last),
    card.lastSeen,
  );
  const rows = directory.statements({
    personIds: ids,
    topic: topic?.known ? topic.key : null,
    match: topic && !topic.known ? ftsMatch(topic.terms) : null,
    // Like a briefing's window, `days` counts back from the person's latest appearance.
    from:
      options.days === undefined
        ? null
        : new Date(
            Math.min(now.getTime(), Date.parse(lastSeen)) - options.days * DAY_MS,
          ).toISOString(),
    to: now.toISOString(),
    limit: pageSize + 1,
    offset: (page - 1) * pageSize,
  });
  const shown = rows.slice(0, pageSize);
  // Asked as of a moment before the corpus ends (`ask --now`): what had been seen by then.
  const asOf = now.toISOString();
  if (lastSeen > asOf) {
    const seen = directory.seenBy(ids, asOf);
    statements = seen.statements;
    lastSeen = seen.last ?? (firstSeen <= asOf ? firstSeen : lastSeen);
  }
  const also = directory.alsoReported(shown.map((row) => row.id));
  return {
    ...base,
    topic: topic?.label ?? null,
    more: rows.length > pageSize,
    person: {
      name: card.name,
      aliases: card.aliases,
      roles: card.roles.map((role) => role.role),
      statements,
      firstSeen,
      lastSeen,
    },
    candidates: [],
    others: resolution.others.map((row) => row.name),
    statements: shown.map((row) => ({
      text: row.text,
      kind: row.kind,
      cue: row.cue,
      date: row.said,
      dateLabel: saidLabel(row.said, row.said_end),
      article: {
        id: row.article_id,
        title: row.title,
        outlet: row.outlet,
        url: row.url,
        published: row.published,
      },
      alsoIn: (also.get(row.id) ?? []).map((source) => ({
        id: source.article_id,
        title: source.title,
        outlet: source.outlet,
        url: source.url,
        published: source.published,
      })),
    })),
  };
}
