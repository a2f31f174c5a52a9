import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../src/analysis/analyze.ts';
import type { Analysis } from '../../src/analysis/analysis.ts';
import { parseDocument } from '../../src/corpus/parse/parse-document.ts';
import { transcriptTurns } from '../../src/corpus/parse/transcript.ts';
import { sentenceRole } from '../../src/analysis/transcript/procedural.ts';

const FALLBACK = '2020-01-01T00:00:00.000Z';

function read(name: string, text: string) {
  const { articles, failures } = parseDocument(name, new TextEncoder().encode(text), FALLBACK);
  expect(failures).toEqual([]);
  const article = articles[0]!;
  return { article, analysis: analyzeArticle(article) };
}

const speakers = (analysis: Analysis) => [
  ...new Set(analysis.quotes.map((quote) => quote.speaker)),
];
const said = (analysis: Analysis, speaker: string | null) =>
  analysis.quotes.filter((quote) => quote.speaker === speaker).map((quote) => quote.content.text);

/** A press briefing in the layout of the White House archive, written for these tests. */
const BRIEFING = [
  '---',
  "date: '2024-03-05'",
  'published_time: 2024-03-05 15:10:00-05:00',
  'source_url: https://www.whitehouse.gov/briefing-room/press-briefings/2024/03/05/press-briefing/',
  'title: "Press Briefing by Press Secretary Dana Whitfield and NSC Coordinator for Strategic Communications John Kirby"',
  '---',
  ' ',
  'James S. Brady Press Briefing Room',
  '',
  '2:05 P.M. EST',
  '',
  'MS. WHITFIELD:  Good afternoon, everyone.  Happy Tuesday.',
  '  ',
  'I am glad to have the Admiral with us again.  Admiral Kirby, over to you.',
  '',
  'MR. KIRBY:  Thank you.  Good afternoon.',
  '',
  'This morning the President spoke by phone with the leaders of three countries about the',
  'grain corridor in the Black Sea.  They agreed that ships must be able to leave the ports',
  'safely, and they asked their ministers to meet again next week.',
  '',
  'Q    Admiral, is the United States ready to escort those ships with its own navy?',
  '',
  'MR. KIRBY:  No.  There is no plan to send American warships into the Black Sea, and the',
  'President has been very clear about that.  (Laughter.)  We will keep working with our',
  'partners on other ways to protect the shipping lanes.',
  '',
  'Q    Thank you.',
  '',
  'MR. KIRBY:  Yeah.',
  '',
  'Q    Kirby, the minister said the talks had failed.  Do you agree?',
  '',
  'MR. KIRBY:  I would not say they failed.  The talks made progress on inspections, and the',
  'teams will meet again in Geneva.',
  '',
  'SENIOR ADMINISTRATION OFFICIAL:  To add one point, the inspections would start within a',
  'month if the next round goes well.',
  '',
  'MODERATOR:  Next question goes to Lena Marsh of the Daily Courier.',
  '',
  'MS. WHITFIELD:  Thanks, everybody.',
  '',
  'END                 2:41 P.M. EST',
].join('\n');

describe('a White House briefing', () => {
  const { article, analysis } = read('briefing.md', BRIEFING);

  it('names its outlet after its site and keeps the time of publication', () => {
    expect(article.outlet).toBe('whitehouse.gov');
    expect(article.url).toMatch(/^https:\/\/www\.whitehouse\.gov\//);
    expect(article.published).toBe('2024-03-05T20:10:00.000Z');
  });

  it('credits each answer to the full name and role the title gives', () => {
    expect(speakers(analysis)).toEqual(['Dana Whitfield', 'John Kirby', null]);
    expect(analysis.quotes.every((quote) => quote.kind === 'direct')).toBe(true);
    const roles = new Map((analysis.people ?? []).map((role) => [role.name, role.role]));
    expect(roles.get('John Kirby')).toBe('NSC Coordinator for Strategic Communications');
    expect(roles.get('Dana Whitfield')).toBe('Press Secretary');
    const kirby = said(analysis, 'John Kirby');
    expect(kirby[0]).toMatch(/^This morning the President spoke by phone/);
    expect(kirby.join(' ')).toContain('There is no plan to send American warships');
    expect(kirby.join(' ')).toContain('The talks made progress on inspections');
  });

  it('makes no statement of a question, a courtesy, a stage direction or the staff', () => {
    const texts = analysis.quotes.map((quote) => quote.content.text).join('\n');
    expect(texts).not.toMatch(/escort those ships|Do you agree|the talks had failed/);
    expect(texts).not.toMatch(/Laughter|^Yeah\.$|Next question|Lena Marsh/m);
    expect(texts).not.toMatch(/Brady|P\.M\.|END|Good afternoon\.|Thanks, everybody/);
    for (const quote of analysis.quotes) expect(quote.content.text).not.toMatch(/^(MR|MS|Q)\b/);
  });

  it('keeps an anonymous official nameless', () => {
    expect(said(analysis, null)).toEqual([
      'To add one point, the inspections would start within a month if the next round goes well.',
    ]);
    expect(analysis.entities.map((entity) => entity.canonical)).not.toContain(
      'Senior Administration Official',
    );
  });

  it('never reads a label, a room or a reporter the staff calls on as a name', () => {
    const people = analysis.entities.filter((entity) => entity.type === 'PERSON');
    const names = new Set(people.map((entity) => entity.canonical));
    expect([...names].sort()).toEqual(['Dana Whitfield', 'John Kirby']);
    expect(people.filter((entity) => entity.text === 'KIRBY')).toHaveLength(4);
  });

  it('summarises what was said, not the room, the time or the greetings', () => {
    expect(analysis.summary.join(' ')).toMatch(/grain corridor/);
    expect(analysis.summary.join(' ')).not.toMatch(/Brady|P\.M\.|Good afternoon|over to you/);
    for (const event of analysis.events) expect(event.text).not.toMatch(/escort those ships/);
  });
});

describe('an interview with single line breaks between turns', () => {
  const text = [
    'Interview with John Kirby on the ceasefire talks',
    'by Harbour Radio',
    '2024-02-20 08:00',
    '',
    'INTERVIEWER: Admiral, thank you for joining us this morning.',
    'KIRBY: Glad to be with you.',
    'INTERVIEWER: Where do the ceasefire talks stand today?',
    'KIRBY: The negotiators are close on the first phase, which would free the hostages and',
    'bring a six week pause in the fighting. A few gaps remain on the sequencing.',
    'INTERVIEWER: Will the deal hold?',
    'KIRBY: Nobody can promise that, but both sides have reasons to want it to hold.',
  ].join('\n');
  const { article, analysis } = read('interview.txt', text);

  it('keeps each turn in its paragraph and credits the guest, never the interviewer', () => {
    expect(transcriptTurns(article.body)?.turns).toHaveLength(6);
    expect(speakers(analysis)).toEqual(['John Kirby']);
    expect(said(analysis, 'John Kirby')).toEqual([
      'The negotiators are close on the first phase, which would free the hostages and bring a six week pause in the fighting. A few gaps remain on the sequencing.',
      'Nobody can promise that, but both sides have reasons to want it to hold.',
    ]);
  });
});

describe('a press conference written in title case', () => {
  const text = JSON.stringify({
    title: 'Press conference by NATO Secretary General Jens Stoltenberg',
    outlet: 'NATO',
    published: '2023-06-01T10:00:00Z',
    body: [
      'NATO Secretary General Jens Stoltenberg: Good morning. Allies agreed today to send more troops to the region, and the first units will arrive within days.',
      'Question [Tidewater Post]: Secretary General, how many troops will go?',
      'Jens Stoltenberg: Around seven hundred, with a further battalion on standby.',
      'Question: And who will lead them?',
      'Jens Stoltenberg: The force commander keeps command of every unit sent there.',
    ].join('\n\n'),
  });
  const { analysis } = read('nato.json', text);

  it('reads the speaker and the questions by their shape', () => {
    expect(speakers(analysis)).toEqual(['Jens Stoltenberg']);
    expect(said(analysis, 'Jens Stoltenberg')).toHaveLength(3);
    expect(analysis.quotes.map((quote) => quote.content.text).join(' ')).not.toMatch(/how many/);
  });
});

describe('HTML transcripts', () => {
  it('separates turns written on one paragraph with line breaks', () => {
    const html = `<!doctype html><html><head><title>Gaggle aboard the plane</title>
      <meta property="og:title" content="Press Gaggle by Deputy Press Secretary Omar Reyes">
      <link rel="canonical" href="https://example.gov/briefing/gaggle-7"></head>
      <body><article><p>MR. REYES: The President will meet the governors of the flooded states this afternoon and will announce new federal aid for the families who lost their homes.<br>
      Q Will he visit the shelters?<br>
      MR. REYES: He will stop at two shelters before he flies back to Washington tonight, and he will meet the volunteers who run them.</p></article></body></html>`;
    const { article, analysis } = read('gaggle.html', html);
    expect(article.outlet).toBe('example.gov');
    expect(speakers(analysis)).toEqual(['Omar Reyes']);
    expect(said(analysis, 'Omar Reyes')).toHaveLength(2);
  });
});

describe("a transcriber's corrections", () => {
  it('read the corrected surname and leave the quote as written', () => {
    const text = [
      '---',
      'title: "Press Call by Press Secretary Dana Whitfield"',
      "date: '2024-01-16'",
      '---',
      'OPERATOR: I would now like to introduce Dana Lowry \\[Whitfield\\], the White House Press',
      'Secretary. Please go ahead.',
      '',
      'MS. WHITFIELD: Thank you. The governors and Chicago Mayor Lowry asked for more help at the',
      'border, and we are sending <s>fourteen</s> \\[forty\\] more officers there this week.',
    ].join('\n');
    const { analysis } = read('call.md', text);
    const people = analysis.people ?? [];
    const names = new Set(people.map((person) => person.name));
    expect(names.has('Dana Lowry')).toBe(false);
    expect(people.find((person) => person.text === 'Lowry')?.name).toBe('Lowry');
    expect(said(analysis, 'Dana Whitfield').join(' ')).toContain('sending [forty] more officers');
  });
});

describe('what is not a transcript', () => {
  it('leaves prose with a colon and a dateline alone', () => {
    const body = [
      'WASHINGTON: The talks resumed on Monday after a pause of two weeks.',
      'Make no mistake: the negotiators still disagree on the timetable.',
      'Officials said a deal could come within days.',
    ].join('\n\n');
    expect(transcriptTurns(body)).toBeNull();
    const analysis = analyzeArticle({ title: 'Talks resume', body, published: FALLBACK });
    expect(analysis.summary[0]).toMatch(/^WASHINGTON: The talks resumed/);
  });
});

describe('long answers', () => {
  it('become passages of a few sentences, cut at paragraphs and stage directions', () => {
    const sentence = (n: number) =>
      `On point ${n} the allies agreed to share the cost of the repairs to the damaged port.`;
    const body = [
      'MR. OKAFOR: Thanks.',
      `Q What did the ministers decide?`,
      `MR. OKAFOR: ${Array.from({ length: 12 }, (_, n) => sentence(n + 1)).join(' ')}`,
      `The second subject was the border, where the patrols will double next month. (Laughter.) The patrols will be joint ones, with officers from both sides in every car.`,
    ].join('\n\n');
    const analysis = analyzeArticle({ title: '', body, published: FALLBACK });
    const passages = said(analysis, 'Okafor');
    expect(passages.length).toBeGreaterThanOrEqual(4);
    for (const passage of passages) {
      expect(passage.split(/\s+/).length).toBeLessThanOrEqual(100);
      expect(passage).not.toMatch(/Laughter/);
    }
    expect(passages.join(' ')).toContain('The patrols will be joint ones');
    expect(passages.some((passage) => /point 12.*border/s.test(passage))).toBe(false);
  });
});

describe('housekeeping inside answers', () => {
  /** A gaggle where the press secretary runs the room between answers, written for this test. */
  const GAGGLE = [
    'MS. WHITFIELD: Hi, everybody. Thanks for joining us on the flight today. I have a couple of quick toppers and then we will take your questions.',
    'Admiral Kirby is here to talk about the hostages. Admiral, over to you.',
    'MR. KIRBY: Thanks, Dana. Good to be with you all.',
    'The first group of hostages crossed into Egypt at the Rafah crossing this morning, and the ceasefire held through the night.',
    'Q Will the pause be extended?',
    'MR. KIRBY: We want it extended, and the negotiators are meeting again in Doha to get there. Go ahead, Nancy.',
    'Q On Ukraine, when does the next aid package go out?',
    'MR. KIRBY: I will be back tomorrow and I am happy to take that one then. Next question.',
    'Q Thank you, Admiral.',
    'MS. WHITFIELD: All right. Go ahead, Peter. In the back. I will come to you next.',
    'Q Is the President going to Michigan?',
    'MS. WHITFIELD: The President travels to Michigan on Friday to visit the battery plant in Lansing. Okay, last question. Thanks, everybody.',
  ].join('\n\n');
  const analysis = analyzeArticle({
    title: 'Press Gaggle by Press Secretary Dana Whitfield and John Kirby',
    body: GAGGLE,
    published: FALLBACK,
  });
  const all = analysis.quotes.map((quote) => quote.content.text);

  it('keeps what was said about the world', () => {
    expect(said(analysis, 'John Kirby')).toEqual([
      'The first group of hostages crossed into Egypt at the Rafah crossing this morning, and the ceasefire held through the night.',
      'We want it extended, and the negotiators are meeting again in Doha to get there.',
    ]);
    expect(said(analysis, 'Dana Whitfield')).toEqual([
      'The President travels to Michigan on Friday to visit the battery plant in Lansing.',
    ]);
  });

  it('drops thanks, hand-overs, scheduling and calling on reporters wherever they stand', () => {
    for (const text of all)
      expect(text).not.toMatch(
        /Thanks|over to you|Go ahead|Next question|last question|back tomorrow|In the back|come to you|toppers/,
      );
  });
});

describe('a sentence that only sounds like housekeeping', () => {
  it('is content when it answers, corrects itself or refuses at length', () => {
    for (const sentence of [
      'On your last question, we have said it again and again: clinics must never become battlefields.',
      'She told her staff on Sunday — excuse me, on Monday — to reopen every border crossing the army had closed to the convoys.',
      'What the options would be, I would rather not lay out from the podium while the talks go on.',
    ])
      expect(sentenceRole(sentence)).toBe('content');
    for (const sentence of ['Next question.', 'Okay, last question.', 'Excuse me, go ahead.'])
      expect(sentenceRole(sentence)).toBe('procedural');
  });
});

describe('announcing what comes next', () => {
  it('is no statement, whoever has the update and however the questions open', () => {
    const body = [
      'MS. WHITFIELD: Good morning.',
      'MR. KIRBY: Morning. Priya has an update on the grid outage that she will give you first. After that, I am going to jump in. I have a brief topper on the Baltic talks to share with you.',
      'Okay, so with that, we can start taking a few questions.',
      'Q Anything at the top?',
      'MR. KIRBY: I do not have a topper for you today, so we can just take whatever is on your mind.',
      'Q When do the talks resume?',
      'MR. KIRBY: The delegations meet again in Tallinn on Thursday to settle the shipping lanes. Mark, I am going to leave you to it.',
    ].join('\n\n');
    const analysis = analyzeArticle({
      title: 'Press Gaggle with John Kirby',
      body,
      published: FALLBACK,
    });
    expect(said(analysis, 'John Kirby')).toEqual([
      'The delegations meet again in Tallinn on Thursday to settle the shipping lanes.',
    ]);
  });

  it('leaves short answers that name something to the statements', () => {
    for (const sentence of [
      'We condemn it.',
      'That is not true.',
      'Israel has a right to defend itself.',
    ])
      expect(sentenceRole(sentence)).toBe('content');
    for (const sentence of ['Then, I am going to jump in.', 'No, we do not.'])
      expect(sentenceRole(sentence)).toBe('empty');
  });
});

describe('a fact sheet of headed items in capitals', () => {
  it('is no transcript: each heading appears once and no one takes turns', () => {
    const body = [
      'Partners announced new commitments today.',
      'LAKESIDE FOOD BANK (LFB): LFB commits $3 million to school meals in four counties.',
      'NORTHERN GROWERS UNION (NGU): NGU will donate fresh produce to 40 pantries.',
      'RIVER VALLEY CLINICS: The clinics will screen 5,000 patients for diet-related illness.',
    ].join('\n\n');
    expect(transcriptTurns(body)).toBeNull();
    const analysis = analyzeArticle({ title: 'Fact sheet', body, published: FALLBACK });
    expect(analysis.quotes.filter((quote) => quote.kind === 'direct')).toEqual([]);
  });
});

describe('a speaker named last in the title', () => {
  it('takes the role after ", and" without the conjunction', () => {
    const body = [
      'MS. WHITFIELD: Our climate adviser is here today.',
      'MR. OYELARAN: The new flood barriers protect 40,000 homes along the river delta.',
    ].join('\n\n');
    const analysis = analyzeArticle({
      title:
        'Press Briefing by Press Secretary Dana Whitfield, NSC Coordinator John Kirby, and National Climate Advisor Tunde Oyelaran',
      body,
      published: FALLBACK,
    });
    expect(
      analysis.people!.filter((role) => role.name === 'Tunde Oyelaran').map((role) => role.role),
    ).toEqual(['National Climate Advisor']);
  });
});
