import { describe, expect, it } from 'vitest';
import { parseDuration } from '../../src/alerts/duration.ts';
import { Limiter } from '../../src/alerts/rate-limit.ts';
import { parseSeverity, severityLabel } from '../../src/alerts/severity.ts';
import { parseFeedsFile } from '../../src/sources/feeds-file.ts';
import { looksLikeFeed } from '../../src/corpus/feed-items.ts';

describe('alert option parsing', () => {
  it('reads severities as numbers or names', () => {
    expect(['1', 'tension', '3', 'Coercion', '5', 'deadly'].map(parseSeverity)).toEqual([
      1, 1, 3, 3, 5, 5,
    ]);
    expect(['0', '6', 'war', ''].map(parseSeverity)).toEqual([null, null, null, null]);
    expect(severityLabel(4)).toBe('4 clash');
  });

  it('reads snooze durations', () => {
    expect(parseDuration('30m')).toBe(1_800_000);
    expect(parseDuration('1h30m')).toBe(5_400_000);
    expect(parseDuration('2d')).toBe(172_800_000);
    for (const bad of ['', '6', 'soon', '0h', '-1h']) expect(parseDuration(bad)).toBeNull();
  });

  it('reads a feeds file: URLs, topics by alias, comments, duplicates', () => {
    const feeds = parseFeedsFile(
      '# wires\nhttps://a.example/rss Pristina, serbia\n\nhttps://b.example/atom  # no topics\nhttps://a.example/rss kosovo\n',
    );
    expect(feeds).toEqual([
      { url: 'https://a.example/rss', topics: ['kosovo'] },
      { url: 'https://b.example/atom', topics: [] },
    ]);
    expect(() => parseFeedsFile('not a url')).toThrow(/line 1/);
  });

  it('tells feeds from articles', () => {
    expect(looksLikeFeed('<?xml version="1.0"?>\n<rss version="2.0">')).toBe(true);
    expect(looksLikeFeed('<feed xmlns="http://www.w3.org/2005/Atom">')).toBe(true);
    expect(looksLikeFeed('{"version": "https://jsonfeed.org/version/1.1", "items": []}')).toBe(
      true,
    );
    expect(looksLikeFeed('<!doctype html><html>')).toBe(false);
    expect(looksLikeFeed('{"title": "An article"}')).toBe(false);
  });
});

describe('token buckets', () => {
  it('lets a burst through, then one send per refill, for every rate at once', () => {
    const limiter = new Limiter(
      [
        { capacity: 2, perSecond: 1 },
        { capacity: 3, perSecond: 0.1 },
      ],
      0,
    );
    expect([limiter.take(0), limiter.take(0), limiter.take(0)]).toEqual([true, true, false]);
    expect(limiter.waitMs(0)).toBe(1000);
    expect(limiter.take(1000)).toBe(true);
    // The slower rate is now empty: the next send waits for it.
    expect(limiter.take(2000)).toBe(false);
    expect(limiter.waitMs(2000)).toBe(8000);
  });
});
