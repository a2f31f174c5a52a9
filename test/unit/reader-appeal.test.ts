import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/corpus/parse/parse-document.ts';
import { withoutReaderAppeal } from '../../src/corpus/parse/reader-appeal.ts';

const STORY =
  'Two people were killed in a strike on the town on Tuesday, officials said. ' +
  '"The ball is in their court."';

describe('a closing appeal to readers', () => {
  it('is cut from the question that opens it, leaving the last quote closed', () => {
    const body =
      `${STORY} Are you affected by the issues raised in this story? Share your experiences ` +
      'by emailing newsdesk@example.org. You can also get in touch in the following ways: ' +
      'WhatsApp: +44 7700 900000.';
    expect(withoutReaderAppeal(body)).toBe(STORY);
  });

  it('is cut from a "Get in touch:" label', () => {
    const body = `${STORY}\n\nGet in touch: Do you have a story for our team? Email tips@example.org`;
    expect(withoutReaderAppeal(body)).toBe(STORY);
  });

  it('leaves "get in touch" in the story when no address follows', () => {
    const body = `${STORY} Mediators said they would get in touch with both sides this week.`;
    expect(withoutReaderAppeal(body)).toBe(body);
  });

  it('keeps a body that is nothing but an appeal', () => {
    const body = 'Share your experiences by emailing newsdesk@example.org.';
    expect(withoutReaderAppeal(body)).toBe(body);
  });

  it('is cut by every parser, here a JSON record', () => {
    const record = {
      title: 'Strike on the town',
      body: `${STORY} Have you been affected? Share your experiences by emailing a@example.org.`,
      published: '2024-05-01T10:00:00Z',
    };
    const { articles } = parseDocument(
      'a.json',
      new TextEncoder().encode(JSON.stringify(record)),
      '2024-05-01T00:00:00Z',
    );
    expect(articles[0]?.body).toBe(STORY);
  });
});
