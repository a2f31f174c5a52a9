import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/analysis/sentences.ts';

const texts = (text: string) => splitSentences(text).map((sentence) => sentence.text);

describe('splitSentences', () => {
  it('does not end sentences at titles, dotted acronyms or initials', () => {
    expect(
      texts('The U.S. envoy met Sen. John F. Kennedy and Lt. Col. Smith. Gen. Milley agreed.'),
    ).toEqual([
      'The U.S. envoy met Sen. John F. Kennedy and Lt. Col. Smith.',
      'Gen. Milley agreed.',
    ]);
  });

  it('ends a sentence after an abbreviation when a usual opener follows', () => {
    expect(texts('Talks ended at 11 a.m. He said he was tired. Prices rose 3.5 percent.')).toEqual([
      'Talks ended at 11 a.m.',
      'He said he was tired.',
      'Prices rose 3.5 percent.',
    ]);
  });

  it('keeps an attributed quote of several sentences in one sentence', () => {
    expect(texts('“We will not leave. We will stay,” he said. Then he left.')).toEqual([
      '“We will not leave. We will stay,” he said.',
      'Then he left.',
    ]);
  });

  it('keeps closing quotes with their sentence and breaks at paragraphs', () => {
    const text = 'He said: “The talks failed.” Officials agreed\n\nA new paragraph';
    expect(texts(text)).toEqual([
      'He said: “The talks failed.”',
      'Officials agreed',
      'A new paragraph',
    ]);
  });

  it('ends a sentence at a stop glued to the next one, but not inside an address', () => {
    expect(
      texts(
        'What will it take to end the war?Prime Minister Netanyahu has vowed victory. Is it right?Thomas said yes.',
      ),
    ).toEqual([
      'What will it take to end the war?',
      'Prime Minister Netanyahu has vowed victory.',
      'Is it right?',
      'Thomas said yes.',
    ]);
    expect(
      texts('Apply at www.DisasterAssistance.gov or see page.aspx?ParamID=4 today.'),
    ).toHaveLength(1);
    expect(texts('He flew to St.Petersburg on Monday.')).toHaveLength(1);
  });

  it('ends a sentence at a dotted acronym followed by two spaces, as transcripts type them', () => {
    expect(
      texts('The council met in Washington, D.C.  Secretary of State Antony Blinken spoke.'),
    ).toEqual(['The council met in Washington, D.C.', 'Secretary of State Antony Blinken spoke.']);
    expect(texts('Go ahead, M.J.\u00a0 I think so.')).toEqual(['Go ahead, M.J.', 'I think so.']);
    expect(texts('U.S. Secretary of State Antony Blinken spoke.')).toHaveLength(1);
  });

  it('keeps a bracketed note that ends its paragraph with the sentence before it', () => {
    expect(
      texts('Senator Reed: “This is good news.” [Tweet, 1/26/2024]\n\n“It is a big win.” [Tweet]'),
    ).toEqual([
      'Senator Reed: “This is good news.” [Tweet, 1/26/2024]',
      '“It is a big win.” [Tweet]',
    ]);
    expect(texts('He left. [Jordan] spoke next.')).toEqual(['He left.', '[Jordan] spoke next.']);
  });

  it('gives offsets into the original text', () => {
    const text = '  First one. Second one!  ';
    for (const sentence of splitSentences(text))
      expect(text.slice(sentence.start, sentence.end)).toBe(sentence.text);
  });
});
