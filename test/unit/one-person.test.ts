import { afterEach, describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/analysis/sentences.ts';
import { analyzeSpeech } from '../../src/analysis/speech.ts';
import type { BriefingView } from '../../src/briefing/briefing-view.ts';
import type { WhoView } from '../../src/briefing/who-view.ts';
import type { App } from '../../src/main.ts';
import { answerLine } from '../../src/platforms/console/repl.ts';
import { createTestApp } from '../helpers/app.ts';
import { article } from '../helpers/articles.ts';

let app: App | undefined;
afterEach(() => app?.close());

function ingest(...bodies: string[]): void {
  app!.ingester.ingestArticles(
    bodies.map((body, index) =>
      article({
        title: `Report ${index}`,
        body,
        url: `https://levantdaily.example.com/report-${index}`,
        published: new Date(Date.UTC(2023, 8, 20, 8) + index * 3_600_000).toISOString(),
      }),
    ),
  );
}

const ask = async (line: string) => answerLine(line, app!.dispatch, app!.services.commands);

describe('one person per person', () => {
  it('merges a familiar first name, a middle initial and a name written twice', async () => {
    app = createTestApp();
    ingest(
      'Prime Minister Benjamin Netanyahu said that the operation would go on for weeks.',
      'Bibi Netanyahu said that the hostages were his first concern.',
      'Benjamin Netanyahu Benjamin Netanyahu said that a deal was not yet close.',
      'Tony Blinken said that aid had to reach the north of the strip.',
      'Antony J. Blinken said that talks in Cairo would resume on Sunday.',
    );
    const netanyahu = (await ask('/who netanyahu')).data as WhoView;
    expect(netanyahu.person?.name).toBe('Benjamin Netanyahu');
    expect(netanyahu.statements).toHaveLength(3);
    const blinken = (await ask('/who blinken')).data as WhoView;
    expect(blinken.person?.name).toBe('Tony Blinken');
    expect(blinken.statements).toHaveLength(2);
    expect(((await ask('/who antony blinken')).data as WhoView).person?.name).toBe('Tony Blinken');
  });

  it('shows the full spelling written most, not the first met, and keeps finding the first', async () => {
    app = createTestApp();
    ingest(
      'Bibi Netanyahu said that the hostages were his first concern.',
      'Benjamin Netanyahu said that the operation would go on for weeks.',
      'Benjamin Netanyahu said that a deal was not yet close.',
      'Benjamin Netanyahu said that the army would stay in the corridor.',
      'Bibi Netanyahu said that the talks in Cairo had stalled.',
    );
    const netanyahu = (await ask('/who netanyahu')).data as WhoView;
    expect(netanyahu.person?.name).toBe('Benjamin Netanyahu');
    expect(netanyahu.statements).toHaveLength(5);
    expect(((await ask('/who bibi netanyahu')).data as WhoView).person?.name).toBe(
      'Benjamin Netanyahu',
    );
  });

  it('keeps namesakes apart: a first name that is no short form of the other', async () => {
    app = createTestApp();
    ingest(
      'Joe Biden said that the ceasefire was close.',
      'Jill Biden said that the visit to the hospital moved her.',
    );
    const answer = (await ask('/who biden')).data as WhoView;
    expect(answer.person).toBeNull();
    expect([...answer.candidates].sort()).toEqual(['Jill Biden', 'Joe Biden']);
  });

  it('gives a surname with an office to the holder of that office', async () => {
    app = createTestApp();
    ingest(
      'President Joe Biden said that the ceasefire was close.',
      'Jill Biden said that the visit to the hospital moved her.',
      'President Biden said that more aid trucks would cross this week.',
    );
    const joe = (await ask('/who joe biden')).data as WhoView;
    expect(joe.statements.map((statement) => statement.text)).toContain(
      'that more aid trucks would cross this week',
    );
  });

  it('shows one role spelt one way', async () => {
    app = createTestApp();
    ingest(
      'Serbian President Aleksandar Vucic said that the army would stay in its barracks.',
      'President Aleksandar Vučić said that Belgrade wanted talks.',
      'US National Security Council spokesman John Kirby said that Washington was concerned.',
      'White House National Security Council spokesman John Kirby said that the troops must go.',
    );
    const vucic = (await ask('/who vucic')).data as WhoView;
    expect(vucic.person?.roles).toEqual(['Serbian President']);
    const kirby = (await ask('/who kirby')).data as WhoView;
    expect(kirby.person?.roles).toHaveLength(1);
    expect(kirby.person?.roles[0]).toMatch(/National Security Council spokesman$/);
  });

  it('lists an office before a military rank that comes with every mention', async () => {
    app = createTestApp();
    ingest(
      'Rear Admiral Daniel Hagari said that the strike had hit a command centre.',
      'Rear Admiral Daniel Hagari said that the operation would go on.',
      'Rear Admiral Daniel Hagari said that troops had found a tunnel.',
      'IDF spokesman Daniel Hagari said that the army was investigating.',
      'IDF spokesman Daniel Hagari told reporters that two soldiers were hurt.',
      'Lieutenant General Herzi Halevi said that the army was ready.',
    );
    const hagari = (await ask('/who hagari')).data as WhoView;
    expect(hagari.person?.roles[0]).toBe('IDF spokesman');
    expect(hagari.person?.roles).toContain('Admiral');
    // With no office known, the rank is what there is to say.
    const halevi = (await ask('/who halevi')).data as WhoView;
    expect(halevi.person?.roles).toEqual(['Lieutenant General']);
  });

  it('counts a long role misspelt by a letter or two for the role spelt right', async () => {
    app = createTestApp();
    ingest(
      'The talks went well, said John Kirby, the National Security Communications Advisor.',
      'The ships had left, said John Kirby, the National Security Communications Advisor.',
      'The envoy would travel, said John Kirby, the Nation Security Communications Advisor.',
    );
    const kirby = (await ask('/who kirby')).data as WhoView;
    expect(kirby.person?.roles).toEqual(['National Security Communications Advisor']);
  });

  it('counts a role in fewer words for the fuller one, never for another office', async () => {
    app = createTestApp();
    ingest(
      'The talks went well, said John Kirby, the National Security Communications Advisor.',
      'The ships had left, said John Kirby, the National Security Communications Advisor.',
      'The envoy would travel, said National Security Advisor John Kirby.',
      'The talks would resume, said Deputy National Security Advisor Jon Finer.',
      'The envoy had landed, said Deputy National Security Advisor Jon Finer.',
      'The aid would flow, said National Security Advisor Jon Finer.',
    );
    const kirby = (await ask('/who kirby')).data as WhoView;
    expect(kirby.person?.roles).toEqual(['National Security Communications Advisor']);
    const finer = (await ask('/who finer')).data as WhoView;
    expect(finer.person?.roles).toEqual([
      'Deputy National Security Advisor',
      'National Security Advisor',
    ]);
  });

  it('shows a speaker labelled in capitals under the name in mixed case', async () => {
    app = createTestApp();
    app.ingester.ingestArticles([
      article({
        title: 'Press Gaggle by Principal Deputy Press Secretary Maya Lindqvist',
        body: [
          'MS. LINDQVIST: The President will sign the aid bill this afternoon at the White House.',
          'Q Will he speak about the ceasefire?',
          'MS. LINDQVIST: He will, and he will thank the negotiators who kept the ceasefire alive.',
        ].join('\n\n'),
        url: 'https://example.gov/gaggle-1',
      }),
    ]);
    const view = (await ask('/who lindqvist')).data as WhoView;
    expect(view.person?.name).toBe('Maya Lindqvist');
    expect(view.person?.aliases.join(' ')).not.toMatch(/LINDQVIST/);
    expect(view.person?.roles).toEqual(['Principal Deputy Press Secretary']);
    expect(view.statements).toHaveLength(2);
    const briefing = (await ask('/briefing ceasefire')).data as BriefingView;
    expect(briefing.actors.map((actor) => actor.name)).toEqual(['Maya Lindqvist']);
    // Of a speaker's statements, the one about the topic is the telling quote.
    expect(briefing.quotes).toEqual([
      expect.objectContaining({
        speaker: 'Maya Lindqvist',
        text: expect.stringMatching(/ceasefire/),
      }),
    ]);
  });
});

describe('names that are no one', () => {
  const people = (text: string) =>
    analyzeSpeech(text, splitSentences(text))
      .entities.filter((entity) => entity.type === 'PERSON')
      .map((entity) => entity.canonical);

  it('never takes a contraction, a plural, a verb form or an adjective for a person', () => {
    expect(
      people(
        'I’ll be brief. Don’t worry. Shoppers said prices had doubled. Countering Putin, the ' +
          'minister said the sanctions would hold. Suddenly Netanyahu said no. Both sides ' +
          'returned to the EU-facilitated Dialogue in May.',
      ),
    ).toEqual(['Putin', 'Netanyahu']);
  });

  it('never takes a document, a place or a pair of names for a person', () => {
    expect(
      people(
        'He signed an Executive Order on Friday. The Doha Agreement still holds. The diocese of ' +
          'Raška-Prizren said that the monastery was safe. The Xi-Putin summit ended. Floods hit ' +
          'Maui County. Benjamin Netanyahu of Israel spoke first. Rain fell on the U. S. coast.',
      ),
    ).toEqual(['Benjamin Netanyahu']);
  });

  it('never takes a country or city after a title, nor a plural after one, for a person', () => {
    expect(
      people(
        'We value the President Brazil — the President of Brazil — as a partner. She was a ' +
          'Minister Counselor at Mission France before that. A court in the Eastern District of ' +
          'New York said the case could go on. He met a crowd of Gen Zers on campus. The panel ' +
          'of Rural Housing Advocates met Rosa Delgado.',
      ),
    ).toEqual(['Rosa Delgado']);
  });

  it('keeps a person before "of" and an organisation, and never takes a city or a broadcaster after one', () => {
    expect(
      people(
        'Farah Nasser of Amnesty International said the convoy was stopped. Students rallied at ' +
          'the University of California San Diego. A Channel 4 Gaza report aired on Monday. ' +
          'Al Jazeera said its office was raided. The head of Palestine Islamic Jihad spoke. ' +
          'Salim al-Najjar, the brother of the Al Jazeera Rafah bureau chief, was hurt. ' +
          'Khamis al-Burdainy of Gaza City said he was detained.',
      ),
    ).toEqual(['Farah Nasser', 'Salim al-Najjar', 'Khamis al-Burdainy']);
  });

  it('never takes a people, an unlisted village or an age for a person', () => {
    expect(
      people(
        'Lebanese said the shelling went on all night. Dozens of Syrians crossed the river. ' +
          'Jewish Canadians held a vigil. The family lives near Beit Hanoun al-Jadida, where ' +
          'Omar Saleh grew up. Twenty-year-old Dana was released.',
      ),
    ).toEqual(['Omar Saleh']);
  });

  it('never takes an armed group for a person, even as a speaker', () => {
    const text = 'Hamas said that it had accepted the proposal. Supporters of Hamas marched.';
    const analysis = analyzeSpeech(text, splitSentences(text));
    expect(analysis.entities.filter((entity) => entity.type === 'PERSON')).toEqual([]);
    expect(analysis.entities.map((entity) => [entity.text, entity.type])).toContainEqual([
      'Hamas',
      'ORG',
    ]);
  });
});
