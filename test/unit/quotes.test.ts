import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../src/analysis/analyze.ts';

function quotes(body: string) {
  return analyzeArticle({ title: '', body, published: '2023-09-30T00:00:00.000Z' }).quotes.map(
    (quote) => ({
      kind: quote.kind,
      content: quote.content.text,
      speaker: quote.speaker,
      cue: quote.cue?.text ?? null,
      source: quote.source?.text ?? null,
    }),
  );
}

describe('quote attribution', () => {
  it('reads "X said (that) ..." with the content after the cue', () => {
    expect(quotes('Albin Kurti said that the north was calm.')).toEqual([
      {
        kind: 'indirect',
        content: 'that the north was calm',
        speaker: 'Albin Kurti',
        cue: 'said',
        source: 'Albin Kurti',
      },
    ]);
  });

  it('reads inverted and postposed speech in every kind of quote mark', () => {
    const body = [
      '“We are ready to talk,” said Josep Borrell.',
      '"The border is closed," Albin Kurti told reporters.',
      '« Les mesures sont temporaires », a déclaré Peter Stano. Peter Stano said « the measures are temporary ».',
      '„Wir bleiben hier“, Olaf Scholz said.',
    ].join('\n\n');
    const found = quotes(body);
    expect(found.map((quote) => [quote.kind, quote.speaker])).toEqual([
      ['direct', 'Josep Borrell'],
      ['direct', 'Albin Kurti'],
      ['direct', 'Peter Stano'],
      ['direct', 'Peter Stano'],
      ['direct', 'Olaf Scholz'],
    ]);
    expect(found[0]!.content).toBe('“We are ready to talk,”');
  });

  it('pairs a quote opened in one style of mark and closed in the other', () => {
    const body =
      'Mr Lammy spoke on Monday. "Of course I will be pressing Israeli leaders on that. ”The ' +
      'foreign secretary also complained of a lack of aid trucks entering Gaza “after months ' +
      'of asking", echoing aid agencies. “He said "never" to me,” Ms Hale said.';
    const contents = quotes(body).map((quote) => quote.content);
    expect(contents).toContain('"Of course I will be pressing Israeli leaders on that. ”');
    expect(contents.some((content) => content.includes('foreign secretary'))).toBe(false);
    expect(contents).toContain('“He said "never" to me,”');
  });

  it('ends a curly quote at a straight mark that lost its place after a full stop', () => {
    // The page put the closing mark after the space: `incident. "In a ...`.
    const body =
      'Spokesman Tomas Vrana said. “We expect them to shed light on this incident. "In a ' +
      'separate briefing, army spokesman Petr Hala named nine fighters. In Prague, Mr Vrana ' +
      'said the reports were troubling. "If that is accurate, those are not fighters," he said.';
    const found = quotes(body);
    const narration = found.find((quote) => quote.content.includes('separate briefing'));
    expect(narration).toBeUndefined();
    expect(found).toContainEqual(
      expect.objectContaining({
        content: '"If that is accurate, those are not fighters,"',
        speaker: 'Tomas Vrana',
      }),
    );
    // A straight mark after a full stop whose quote the curly close ends is a paragraph the
    // page ran on: one quote.
    const runOn =
      'Ms Hale said: “I am concerned when I see shells on our soil. "And of course I am ' +
      'concerned with the partnership. ” She left on Monday.';
    expect(quotes(runOn).map((quote) => quote.content)).toContain(
      '“I am concerned when I see shells on our soil. "And of course I am concerned with the partnership. ”',
    );
  });

  it('reads "according to X" before and after the content', () => {
    const found = quotes(
      'According to Jens Stoltenberg, more troops are on the way. The troops will stay for months, according to KFOR.',
    );
    expect(found.map((quote) => [quote.content, quote.speaker, quote.cue])).toEqual([
      ['more troops are on the way', 'Jens Stoltenberg', 'According to'],
      ['The troops will stay for months', 'KFOR', 'according to'],
    ]);
  });

  it('gives "X said ..., according to Z" to X, and keeps Z after other verbs or a lost full stop', () => {
    const found = quotes(
      [
        'Conservative councillor Mike Pollard said the debate was depressing, according to the Local Democracy Reporting Service.',
        'Average Americans would see their taxes go up, according to an analysis by Lily Batchelder.',
        'He added More than 200 attacks targeted the town, according to Acled.',
      ].join(' '),
    );
    expect(found.map((quote) => [quote.content, quote.speaker])).toEqual([
      ['the debate was depressing', 'Mike Pollard'],
      ['Average Americans would see their taxes go up', 'analysis by Lily Batchelder'],
      ['He added More than 200 attacks targeted the town', 'Acled'],
    ]);
  });

  it('ends an unpunctuated "according to" source with its name, and guesses none without one', () => {
    const withComma = quotes(
      'According to the shipping monitor Vantage Marine, the tanker turned back towards the strait.',
    );
    const found = quotes(
      'According to the shipping monitor Vantage Marine the tanker turned back towards the strait. According to reports the convoy was delayed by two days.',
    );
    expect(found).toEqual(withComma);
    expect(found.map((quote) => [quote.content, quote.source])).toEqual([
      ['the tanker turned back towards the strait', 'the shipping monitor Vantage Marine'],
    ]);
  });

  it('reads appeals and concern, and marks quoted fragments as mixed', () => {
    const found = quotes(
      'Jens Stoltenberg called on the parties to engage in dialogue, as this is “the only way to resolve unresolved issues”. Jake Sullivan expressed concern over the deployment of Serbian troops.',
    );
    expect(found[0]).toMatchObject({
      kind: 'mixed',
      speaker: 'Jens Stoltenberg',
      cue: 'called on',
    });
    expect(found[0]!.content).toContain('“the only way to resolve unresolved issues”');
    expect(found[1]).toMatchObject({
      kind: 'indirect',
      speaker: 'Jake Sullivan',
      cue: 'expressed concern',
      content: 'over the deployment of Serbian troops',
    });
  });

  it('resolves pronouns and descriptions to the nearest fitting earlier mention', () => {
    const found = quotes(
      'Kosovo Prime Minister Albin Kurti met Vjosa Osmani on Monday. She said the talks went well. He said that more was needed. The prime minister warned that time was short.',
    );
    expect(found.map((quote) => [quote.source, quote.speaker])).toEqual([
      ['She', 'Vjosa Osmani'],
      ['He', 'Albin Kurti'],
      ['The prime minister', 'Albin Kurti'],
    ]);
  });

  it('gives "the President" to the president, not to a vice president named after him', () => {
    const body =
      'President Biden and Vice President Harris met the leaders. ' +
      'The President has also requested supplemental funding for child care.';
    expect(quotes(body).map((quote) => quote.speaker)).toEqual(['Biden']);
  });

  it('gives "the vice president" to the vice president, not to a president named after her', () => {
    const found = quotes(
      'Vice President Kamala Harris met President Volodymyr Zelenskyy of Ukraine in Munich. ' +
        'The Vice President reaffirmed the support for Ukraine. The foreign minister said that ' +
        'the talks would go on.',
    );
    expect(found.map((quote) => [quote.source, quote.speaker])).toEqual([
      ['The Vice President', 'Kamala Harris'],
      ['The foreign minister', 'foreign minister'],
    ]);
  });

  it('gives a body located in a place, and its "it", to the body, not the place', () => {
    const found = quotes(
      'The health ministry in Tyre said that twelve people were hurt. It added that ' +
        'the port would stay closed.',
    );
    expect(found.map((quote) => quote.speaker)).toEqual([
      'health ministry in Tyre',
      'health ministry in Tyre',
    ]);
  });

  it('gives the next paragraph\'s "he" to a person introduced in full to close a paragraph', () => {
    const introduced = quotes(
      'The army spokesman Daniel Hagari said the pauses followed a cabinet order. He played ' +
        'down a backlash, including from the Finance Minister, Bezalel Smotrich.\n\n' +
        'On X, he suggested that more aid would help Hamas.',
    );
    expect(introduced.at(-1)).toMatchObject({ speaker: 'Bezalel Smotrich', source: 'he' });
    const known = quotes(
      'Bezalel Smotrich spoke on Sunday. The army spokesman Daniel Hagari said the pauses ' +
        'followed a cabinet order. He played down a backlash, including from the Finance ' +
        'Minister, Bezalel Smotrich.\n\nOn X, he said that the pauses would go on.',
    );
    expect(known.at(-1)).toMatchObject({ speaker: 'Daniel Hagari', source: 'he' });
  });

  it('gives a "we" of the text to no place or body it speaks of', () => {
    const found = quotes(
      "Ukraine's reconstruction remains a key priority. We call on Russia to withdraw its " +
        'forces from the territory of Ukraine. We will never recognise so-called elections ' +
        'held by Russia in the territories of Ukraine.',
    );
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((quote) => quote.speaker === null)).toBe(true);
  });

  it('gives "a Kremlin statement said" to the Kremlin and "that" to no one', () => {
    const found = quotes(
      'A Kremlin statement said that the talks were over. The agency issued a finding that ' +
        'said the strike broke the law.',
    );
    expect(found.map((quote) => quote.speaker)).toContain('Kremlin');
    expect(found.map((quote) => quote.speaker)).not.toContain('that');
  });

  it('gives "he" to the official described just before, not to the person named earlier', () => {
    const found = quotes(
      '"We will not send the shells," Mr Okafor said on Tuesday. Chile\'s ambassador to the UN ' +
        'said the council was "deeply troubled" by the move. "How are we meant to protect ' +
        'anyone now?" he said on the radio.',
    );
    expect(found.map((quote) => quote.speaker)).toEqual([
      'Okafor',
      "Chile's ambassador to the UN",
      "Chile's ambassador to the UN",
    ]);
  });

  it('gives a quote with no cue to the speaker of the sentence before', () => {
    const found = quotes('“We will not leave,” Albin Kurti said. “This is our land.”');
    expect(found.map((quote) => [quote.content, quote.speaker])).toEqual([
      ['“We will not leave,”', 'Albin Kurti'],
      ['“This is our land.”', 'Albin Kurti'],
    ]);
  });

  it('follows a quote over paragraphs that reopen it', () => {
    const body =
      'Jens Stoltenberg said: “The first part goes here.\n\n“And the quote goes on here.”\n\nOther news.';
    const found = quotes(body);
    expect(found).toHaveLength(1);
    expect(found[0]!.content).toBe('“The first part goes here.\n\n“And the quote goes on here.”');
  });

  it('reads the whole sentence when "she said" interrupts it after an opening phrase', () => {
    const body =
      'Mona Haddad is a lawyer for the families. Since the siege began, she said, ' +
      'more than 400 families in the camp have lost their homes.';
    expect(quotes(body).map(({ content, speaker }) => ({ content, speaker }))).toEqual([
      {
        content:
          'Since the siege began, she said, more than 400 families in the camp have lost their homes',
        speaker: 'Mona Haddad',
      },
    ]);
  });

  it('steps over a relative clause to the name before a description', () => {
    const body =
      'Canon Ruth Hallam, the vicar of St Aldhelm Minster, who led the service, said the ' +
      'bells would ring. In a letter to Sir Owen, Clerk of the Assembly Dara Quinn, who ' +
      'advises on procedure, warned the rules were being broken.';
    const found = quotes(body).map((quote) => [quote.speaker, quote.content]);
    expect(found).toContainEqual(['Ruth Hallam', 'the bells would ring']);
    expect(found).toContainEqual(['Dara Quinn', 'the rules were being broken']);
    expect(found.map(([speaker]) => speaker)).not.toContain('Owen');
  });

  it('gives a sentence that opens with a setting to the name after "said", not to the setting', () => {
    const body =
      "In the southern city of Khan Younis, the focus of Israel's ground offensive, the local " +
      'hospital received the bodies of 18 people, said Saleh al-Hamms, head of nursing there. ' +
      'One of the homes, in Gaza City, became one of the deadliest strikes, said Mahmoud Bassal. ' +
      'In turn, Hamas has never negotiated with Israel, said Nathan Brown. ' +
      '"When the talks look viable, Hamas is in a bind," he said.';
    const found = quotes(body).map((quote) => [quote.speaker, quote.content]);
    expect(found).toEqual([
      [
        'Saleh al-Hamms',
        "In the southern city of Khan Younis, the focus of Israel's ground offensive, the local hospital received the bodies of 18 people",
      ],
      ['Mahmoud Bassal', 'One of the homes, in Gaza City, became one of the deadliest strikes'],
      ['Nathan Brown', 'In turn, Hamas has never negotiated with Israel'],
      ['Nathan Brown', '"When the talks look viable, Hamas is in a bind,"'],
    ]);
  });

  it('keeps a relative clause of "where" in the description of a source before its verb', () => {
    const body =
      'A spokesman for Kibbutz Nir Oz, where the men were abducted from, urged the defence ' +
      'secretary to secure their release.';
    expect(quotes(body).map((quote) => quote.source)).toEqual([
      'A spokesman for Kibbutz Nir Oz, where the men were abducted from',
    ]);
  });

  it('gives "he said" to whom the sentence before was about, not to the last speaker', () => {
    const body =
      'Government spokesman Arik Dolev said the army was "preparing an evacuation". ' +
      'Interviewed on television, Mr Varon was equally vague. ' +
      '"The areas we have cleared are large," he said. ' +
      'He was speaking after talks with Mr Dolev. "We will decide soon," he added.';
    expect(quotes(body).map((quote) => quote.speaker)).toEqual(['Arik Dolev', 'Varon', 'Varon']);
  });

  it('gives "He said" to the one person the sentence before was about, wherever named', () => {
    const body =
      'Admiral Dan Harel said that "no one can eliminate an idea". ' +
      'This is a message that has not got through to Mr Arel. ' +
      'He said the war would go on until victory. ' +
      'Mr Harel was speaking after talks with Mr Arel. He said the army was ready.';
    expect(quotes(body).map((quote) => quote.speaker)).toEqual(['Dan Harel', 'Arel', 'Dan Harel']);
  });

  it('credits a body, an aide or a spokesman, not the person it serves', () => {
    const body =
      'Prime Minister Dov Arel spoke on Sunday. A think tank run by former Prime Minister Lea ' +
      'Sharon denied the report. A spokesman for Mr Arel said the talks had failed. An adviser ' +
      'to the prime minister acknowledged "terrible suffering". The ambassador to Soltra Ron ' +
      'Galil told reporters the embassy would stay open.';
    const speakers = quotes(body).map((quote) => quote.speaker);
    expect(speakers).not.toContain('Lea Sharon');
    expect(speakers).not.toContain('Dov Arel');
    expect(speakers).toContain('Ron Galil');
  });

  it('reads "his wife X" as a woman, so "he" after her is her husband', () => {
    const body =
      'Farmer Morad Haddad came with his wife Raneen Haddad to fetch their children. He says ' +
      'today is worse than any day of the uprising.';
    expect(quotes(body).map((quote) => quote.speaker)).toEqual(['Morad Haddad']);
  });

  it('takes no statement from a reporter credit', () => {
    const body =
      'The shelling went on through the night. NPR producer Karim Saleh reported from Khan Younis. ' +
      "NPR's Lena Ortiz reported from Tel Aviv, Israel.";
    expect(quotes(body)).toEqual([]);
  });

  it('reads a cue word after "be" as no cue: "was back in the region" says nothing', () => {
    const body =
      'Secretary Blinken was back in the region this past week. Officials are back at the table.';
    expect(quotes(body)).toEqual([]);
  });

  it('reads a cue word after a determiner as a noun: "Those fears have spiked" says nothing', () => {
    const body =
      'Those fears have spiked in recent days. Such reports are hard to verify. His remarks align with the policy.';
    expect(quotes(body)).toEqual([]);
  });

  it('reads welcoming a guest as a visit, and welcoming a decision as a statement', () => {
    const body =
      'President Biden will welcome German Chancellor Olaf Scholz to the White House on February 9. ' +
      'Neera Tanden welcomed participants to the discussion. ' +
      "Biden welcomed Israel's decision to open the crossing.";
    expect(quotes(body).map((quote) => [quote.speaker, quote.content])).toEqual([
      ['Biden', "Israel's decision to open the crossing"],
    ]);
  });

  it('leaves where something was said out of it, and keeps a claim it denies in it', () => {
    const body =
      'Netanyahu told soldiers at a base in Kiryat Shmona that he wanted to send a message. ' +
      'Hamas said the claim that its leaders were targets was false. ' +
      'The students demanded a ceasefire in the conflict, and that their universities divest. ' +
      "Kirby condemned Sunday's attack in Jordan.";
    expect(quotes(body).map((quote) => quote.content)).toEqual([
      'that he wanted to send a message',
      'the claim that its leaders were targets was false',
      'a ceasefire in the conflict, and that their universities divest',
      "Sunday's attack in Jordan",
    ]);
  });

  it('gives a passive report about someone to no one, with "still" or "also" before the verb', () => {
    const body =
      'Yahya Sinwar is still believed to be hiding somewhere in Gaza. ' +
      'John Kirby was also asked about the strike on the camp.';
    expect(quotes(body).map((quote) => quote.source)).toEqual([null, null]);
  });

  it('never takes an auxiliary for a cue, so no opening word becomes a speaker', () => {
    const body =
      'Not having a specific visa scheme for Palestinians, the letter said, "stands in stark ' +
      'contrast to the swift and supportive actions taken in similar circumstances".';
    expect(quotes(body).map((quote) => quote.speaker)).toEqual(['letter']);
  });

  it('ends what a "When ..." clause reports at its comma, and keeps "As X said, ..." whole', () => {
    const body =
      'When Hamas warned that it would not release hostages, Israel launched strikes. ' +
      'As Blinken said, the time for a deal is now.';
    expect(quotes(body).map((quote) => [quote.speaker, quote.content])).toEqual([
      ['Hamas', 'that it would not release hostages'],
      ['Blinken', 'the time for a deal is now'],
    ]);
  });

  it("leaves the narrator's tail after a quote and its cue out of the content", () => {
    const body =
      '"We assess that the four were killed during our operation there," he said, without giving further details.';
    expect(quotes(body).map((quote) => quote.content)).toEqual([
      '"We assess that the four were killed during our operation there,"',
    ]);
  });

  it("leaves the narrator's tail after an interrupting cue out of the content", () => {
    const body =
      'Troops killed dozens of fighters during the raid, the army said, without providing evidence.';
    expect(quotes(body).map((quote) => quote.content)).toEqual([
      'Troops killed dozens of fighters during the raid',
    ]);
  });

  it('reads no statement in "continued its offensive" or "recalled its ambassador"', () => {
    const body = [
      'The IDF continued its offensive in Rafah and elsewhere in Gaza.',
      'Israel recalled its ambassador to Ireland in protest.',
      'Egypt maintains a blockade on its border with Gaza.',
      'Antony Blinken concluded his seventh trip to the region on Friday.',
      'In neighbouring Egypt, tentative efforts continued.',
    ].join(' ');
    expect(quotes(body)).toEqual([]);
  });

  it('still reads those cues before a clause, a quote or after a quote', () => {
    const body = [
      'The inquiry concluded the agency must do more to improve its neutrality.',
      'Hamas maintained it was retaliation for the strike.',
      'Benjamin Rhodes recalled Mr. Obama talking about the book.',
      '"It just amazed me how quickly they rushed through everything," Mr. Clarke recalled of the proceedings.',
    ].join(' ');
    expect(quotes(body).map((quote) => [quote.cue, quote.speaker])).toEqual([
      ['concluded', 'inquiry'],
      ['maintained', 'Hamas'],
      ['recalled', 'Benjamin Rhodes'],
      ['recalled', 'Clarke'],
    ]);
  });

  it('reads a clause before "..., the doctor maintains." but no phrase before "continued."', () => {
    const body =
      'Secrecy is not a stranger when it comes to her health, her former doctor maintains. ' +
      'In neighbouring Egypt, tentative efforts continued. The fighting continued on Tuesday.';
    expect(quotes(body).map((quote) => [quote.cue, quote.content])).toEqual([
      ['maintains', 'Secrecy is not a stranger when it comes to her health'],
    ]);
  });

  it('reads no statement in a clause that opens with "As" or "When" around a learned verb', () => {
    const body =
      'As Israel broadened its offensive, fleeing Palestinians packed into areas along the border. ' +
      'When Patriot filed for bankruptcy in 2015, regulators were prepared.';
    expect(quotes(body)).toEqual([]);
  });

  it('gives "continued to insist" and "continues to deny" to the subject before them', () => {
    const body =
      'But Hamas continues to insist on a full ceasefire and withdrawal of Israeli troops from Gaza. ' +
      'Benjamin Netanyahu continued to deny there is a famine.';
    expect(quotes(body).map((quote) => [quote.cue, quote.source, quote.content])).toEqual([
      ['insist', 'Hamas', 'on a full ceasefire and withdrawal of Israeli troops from Gaza'],
      ['deny', 'Benjamin Netanyahu', 'there is a famine'],
    ]);
  });

  it('keeps the "on" of "insisted on" and "refused to comment on" in what was said', () => {
    const body =
      'Hamas insisted on Israel withdrawing its troops from Gaza. ' +
      'The army refused to comment on the assassination of Saleh al-Arouri. ' +
      'Hamas insisted on Tuesday that it would not yield.';
    expect(quotes(body).map((quote) => quote.content)).toEqual([
      'on Israel withdrawing its troops from Gaza',
      'on the assassination of Saleh al-Arouri',
      'that it would not yield',
    ]);
  });

  it('gives the words on a sign to no one; holding a sign or coming under pressure says nothing', () => {
    const body =
      '"That is unacceptable," Noa Sattath said. Protesters held signs that read: "Only peace will bring security."';
    expect(quotes(body).map((quote) => quote.speaker)).toEqual(['Noa Sattath']);
    expect(
      quotes('Israel has come under growing international pressure over the scale of the deaths.'),
    ).toEqual([]);
  });

  it('keeps cue, source and content offsets in the body', () => {
    const body = 'In Brussels, Josep Borrell said the talks would resume next week.';
    const analysis = analyzeArticle({ title: '', body, published: '' });
    for (const quote of analysis.quotes) {
      expect(body.slice(quote.content.start, quote.content.end)).toBe(quote.content.text);
      if (quote.cue) expect(body.slice(quote.cue.start, quote.cue.end)).toBe(quote.cue.text);
      if (quote.source)
        expect(body.slice(quote.source.start, quote.source.end)).toBe(quote.source.text);
    }
  });
});

describe('bad input', () => {
  const cases: [string, string][] = [
    ['empty', ''],
    ['only spaces', '   \n\n  '],
    ['no punctuation', 'kirby said the troops would stay '.repeat(400)],
    ['unbalanced quotes', `Kurti said “this never closes ${'and goes on '.repeat(2000)}`],
    ['all caps', 'JOHN KIRBY SAID THAT SERBIA MUST WITHDRAW. “WE ARE WATCHING,” HE SAID.'],
    [
      'non-Latin scripts',
      'Вучич заявил, что «Сербия не признает Косово». 武契奇说：“塞尔维亚不会承认科索沃。”',
    ],
    ['stray marks', '" “ ” « » „ \'\' " ” “'],
  ];
  for (const [name, body] of cases) {
    it(`survives ${name} without a runaway quote`, () => {
      const analysis = analyzeArticle({ title: '', body, published: '' });
      for (const quote of analysis.quotes) {
        expect(quote.content.end).toBeGreaterThan(quote.content.start);
        expect(quote.content.end - quote.content.start).toBeLessThanOrEqual(
          Math.max(3000, body.length / 2),
        );
      }
    });
  }

  it('analyses a huge article and bounds every quote', () => {
    const paragraph =
      '“This is a quote,” said Albin Kurti. Officials said the talks would resume. ';
    const body = `${paragraph.repeat(5000)} “An unclosed quote begins ${'word '.repeat(5000)}`;
    const analysis = analyzeArticle({ title: '', body, published: '' });
    expect(analysis.quotes.length).toBeGreaterThan(5000);
    for (const quote of analysis.quotes) expect(quote.content.text.length).toBeLessThan(3000);
  });
});
