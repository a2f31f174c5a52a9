import type { Block, Reply } from '../../core/reply.ts';

/** Statements or sources shown per page. */
export const PAGE_SIZE = 5;

/**
 * A reply cut for inline-keyboard paging. `fixed` is sent once (a briefing's summary); `paged`
 * is the part the buttons replace (`/who` statements, or a briefing's sources), always sent as
 * its own message(s) so that a button press can edit exactly that message.
 */
export interface PagedReply {
  fixed: Reply | null;
  paged: Reply;
  page: number;
  pages: number;
}

const clampPage = (page: number, pages: number) => Math.min(Math.max(1, page), pages);

/**
 * Pages a reply by the first of these that is too long for one page: its quote blocks (the
 * statements of `/who`; sources are narrowed to those the page cites) or its sources list (the
 * sources of `/briefing`). Anything else is a single page. Deterministic, so a button press can
 * re-run the command and ask for page N of the same answer.
 */
export function pageReply(reply: Reply, page: number, size = PAGE_SIZE): PagedReply {
  const quotes = reply.blocks.filter((block) => block.type === 'quote');
  if (quotes.length > size) {
    const pages = Math.ceil(quotes.length / size);
    const current = clampPage(page, pages);
    const shown = new Set(quotes.slice((current - 1) * size, current * size));
    const cited = new Set<number>();
    for (const quote of shown) if (quote.citation !== undefined) cited.add(quote.citation);
    const blocks = reply.blocks.flatMap((block): Block[] => {
      if (block.type === 'quote') return shown.has(block) ? [block] : [];
      if (block.type === 'sources') {
        return [{ ...block, items: block.items.filter((item) => cited.has(item.n)) }];
      }
      return [block];
    });
    return { fixed: null, paged: { ...reply, blocks }, page: current, pages };
  }
  const sources = reply.blocks.find((block) => block.type === 'sources');
  if (sources && sources.items.length > size) {
    const pages = Math.ceil(sources.items.length / size);
    const current = clampPage(page, pages);
    const items = sources.items.slice((current - 1) * size, current * size);
    // Follow-up buttons belong under the paged part, which is sent last.
    const fixed: Reply = { ...reply, blocks: reply.blocks.filter((block) => block !== sources) };
    delete fixed.actions;
    return {
      fixed,
      paged: {
        blocks: [{ ...sources, items }],
        ...(reply.actions ? { actions: reply.actions } : {}),
      },
      page: current,
      pages,
    };
  }
  return { fixed: null, paged: reply, page: 1, pages: 1 };
}
