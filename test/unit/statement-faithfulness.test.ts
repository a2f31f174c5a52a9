import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../src/analysis/analyze.ts';
import { markdownToText } from '../../src/corpus/parse/markdown.ts';

/**
 * A statement says what its source says: these are the ways a reported statement went wrong
 * on the sample corpus (issue 14), each in a sentence of our own.
 */
function quotes(body: string, published = '2023-10-04T09:00:00Z') {
  return analyzeArticle({ title: '', body, published }).quotes.map((quote) => ({
    kind: quote.kind,
    content: quote.content.text,
    speaker: quote.speaker,
    cue: quote.cue?.text ?? null,
    when: quote.when ?? null,
  }));
}

describe('what a statement keeps', () => {
  it('keeps the request a claim was made in, so it is not reported as the claim', () => {
    const [found] = quotes(
      'Albin Kurti met the mediators on Tuesday. He said he had sought assurances that Belgrade would not block Kosovo from joining the Council of Europe.',
    );
    expect(found).toMatchObject({ speaker: 'Albin Kurti', cue: 'said' });
    expect(found!.content).toBe(
      'he had sought assurances that Belgrade would not block Kosovo from joining the Council of Europe',
    );
  });

  it('keeps who an appeal is addressed to and what it asks, never splicing its middle out', () => {
    const [found] = quotes(
      'Jens Stoltenberg called on Pristina and Belgrade to avoid any step that could stoke the unrest.',
    );
    expect(found).toMatchObject({ speaker: 'Jens Stoltenberg', cue: 'called on' });
    expect(found!.content).toBe(
      'Pristina and Belgrade to avoid any step that could stoke the unrest',
    );
  });

  it('keeps a negation with its verb and the question left open', () => {
    const found = quotes(
      'Albin Kurti did not say whether the special police would leave the town halls. Aleksandar Vučić declined to say when the troops would return to barracks. Aleksandar Vučić denied that his government had armed the group.',
    );
    expect(found.map((quote) => `${quote.cue} ${quote.content}`)).toEqual([
      'did not say whether the special police would leave the town halls',
      'declined to say when the troops would return to barracks',
      'denied that his government had armed the group',
    ]);
  });

  it("ends what was said where the writer's view of the speaker begins", () => {
    const [found] = quotes(
      'Benjamin Netanyahu has said that he will never accept a Palestinian state and is widely seen as having kept Gaza and the West Bank apart on purpose.',
    );
    expect(found).toMatchObject({
      speaker: 'Benjamin Netanyahu',
      content: 'that he will never accept a Palestinian state',
    });
  });

  it('starts the content at "that" only across where and to whom it was said', () => {
    const found = quotes(
      'Josep Borrell said in a statement late on Monday that the talks would resume. Jeffrey Hovenier told journalists in Pristina that the embassy had advised restraint.',
    );
    expect(found.map((quote) => quote.content)).toEqual([
      'that the talks would resume',
      'that the embassy had advised restraint',
    ]);
  });
});

describe('who said it', () => {
  it('gives a sentence ending in ", Miller said" to Miller, with nothing of his cue left in', () => {
    const found = quotes(
      'State Department spokesman Matthew Miller briefed reporters on the call. Antony Blinken restated US backing for the talks between Belgrade and Pristina, Miller said.',
    );
    const last = found.at(-1)!;
    expect(last.speaker).toBe('Matthew Miller');
    expect(last.content).toBe(
      'Antony Blinken restated US backing for the talks between Belgrade and Pristina',
    );
    expect(found.some((quote) => quote.speaker === 'Antony Blinken')).toBe(false);
  });

  it("credits no one with a scare quote in the writer's sentence, though its subject spoke before", () => {
    const found = quotes(
      'Kosovo Prime Minister Albin Kurti said he would "defend every citizen of the north" in his speech to parliament. In June, a prosecutor in Belgrade applied for an arrest warrant against Mr Kurti for alleged "hate speech". "We will not be intimidated," he said on Monday.',
    );
    expect(found.some((quote) => quote.content.includes('hate speech'))).toBe(false);
    expect(found.find((quote) => quote.content.includes('intimidated'))?.speaker).toBe(
      'Albin Kurti',
    );
  });

  it('never credits a name inside a relative clause about the speaker, nor the clause to him', () => {
    const found = quotes(
      'Prime Minister Benjamin Netanyahu met his cabinet on Sunday. The prime minister, who is seen by his rivals as being too lenient with Hamas, said that the offensive would go on.',
    );
    expect(found.find((quote) => quote.cue === 'said')).toMatchObject({
      speaker: 'Benjamin Netanyahu',
      content: 'that the offensive would go on',
    });
    expect(found.some((quote) => quote.speaker === 'Hamas')).toBe(false);
    expect(found.filter((quote) => quote.content.includes('lenient'))).toEqual([
      expect.objectContaining({ speaker: null }),
    ]);
  });

  it('never takes a pronoun for the person its own statement names', () => {
    const found = quotes(
      "Turkish President Recep Tayyip Erdogan has feuded with Israeli Prime Minister Benjamin Netanyahu for months. He has called Mr Netanyahu's conduct of the war a massacre.",
    );
    expect(found.find((quote) => quote.cue === 'called')).toMatchObject({
      speaker: 'Recep Tayyip Erdogan',
    });
    expect(found.some((quote) => quote.speaker === 'Benjamin Netanyahu')).toBe(false);
  });

  it('never takes a pronoun for the person it speaks to, or about in a direct quote', () => {
    const told = quotes(
      '"We are not done," Benjamin Netanyahu told a radio station on Monday. Joe Biden met aides the same day. He told Mr Netanyahu he would face "a hard conversation" soon.',
    );
    expect(told.map((quote) => quote.speaker)).toEqual(['Benjamin Netanyahu', 'Joe Biden']);
    const about = quotes(
      'Benny Gantz quit the war cabinet on Sunday. Benjamin Netanyahu said that the war would go on. "Sadly, Mr Netanyahu is keeping us from a real victory," he said.',
    );
    expect(about.map((quote) => quote.speaker)).toEqual(['Benjamin Netanyahu', 'Benny Gantz']);
  });

  it('does not give a quote with no verb to the person it speaks of', () => {
    const found = quotes(
      'Benjamin Netanyahu said on Monday that the talks had stalled.\n\n"I think Netanyahu will drag the talks out to keep Washington on side."',
    );
    expect(found.map((quote) => quote.speaker)).toEqual(['Benjamin Netanyahu', null]);
  });

  it('does not credit the person a source serves or a record is about', () => {
    const found = quotes(
      'A senior aide to Benjamin Netanyahu said that the cabinet would meet again on Thursday. According to a summary of a call between Joe Biden and Benjamin Netanyahu, the president pressed for more aid crossings.',
    );
    expect(found).toHaveLength(2);
    expect(found.some((quote) => quote.speaker === 'Benjamin Netanyahu')).toBe(false);
  });

  it('reads no quote in a subheading, a caption, a byline or a pull quote', () => {
    const body = markdownToText(
      [
        'Antony Blinken said on Friday that Washington had warned Pristina against the move.',
        '## "We told them not to do it"',
        'Image caption: "Keep calm," reads a banner in Zvečan',
        'By Marta Lindqvist',
        '"The decision has raised tensions across the north," Jeffrey Hovenier said.',
        '“The decision has raised tensions across the north.”',
        'Kosovo police kept guard outside the town hall.',
      ].join('\n\n'),
    );
    const found = quotes(body);
    expect(found.map((quote) => quote.speaker)).toEqual(['Antony Blinken', 'Jeffrey Hovenier']);
    expect(found.some((quote) => quote.content.includes('told them not to'))).toBe(false);
  });
});

describe('when it was said', () => {
  it('dates a recap from its time words, relative to the article, not its publication', () => {
    const found = quotes(
      'Last week John Kirby called on Belgrade to pull its artillery back from the border. Albin Kurti said on Monday that the drawdown had to be verified. Vjosa Osmani said in May that the north needed calm.',
      '2023-10-04T09:00:00Z',
    );
    expect(found.map((quote) => [quote.speaker, quote.when])).toEqual([
      ['John Kirby', { start: '2023-09-25', end: '2023-10-01', text: 'Last week' }],
      ['Albin Kurti', { start: '2023-10-02', end: '2023-10-02', text: 'on Monday' }],
      ['Vjosa Osmani', { start: '2023-05-01', end: '2023-05-31', text: 'in May' }],
    ]);
  });

  it('does not date a statement by a date inside what was said', () => {
    const [found] = quotes(
      'Albin Kurti said that the attack on 24 September was planned in Serbia.',
    );
    expect(found!.when).toBeNull();
  });
});
