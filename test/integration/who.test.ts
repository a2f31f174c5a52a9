import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWho, type WhoView } from '../../src/briefing/who-view.ts';
import type { App } from '../../src/main.ts';
import { answerLine } from '../../src/platforms/console/repl.ts';
import { createTestApp } from '../helpers/app.ts';
import { sampleDir, seedFixtureFile } from '../helpers/paths.ts';

const NOW = new Date('2023-11-01T00:00:00.000Z');

/** Every statement of a person (all pages), as "cue text" lines. */
function statementsOf(app: App, name: string): WhoView['statements'] {
  return buildWho(app.store, name, NOW, { pageSize: 500 }).statements;
}

const said = (statements: WhoView['statements']) =>
  statements.map((statement) => `${statement.cue ?? ''} ${statement.text}`);

describe('/who on the seed article retold', () => {
  let app: App;
  beforeAll(async () => {
    app = createTestApp();
    await app.ingester.ingestPaths([seedFixtureFile]);
  });
  afterAll(() => app.close());

  it('gives John Kirby, a US National Security Council official, and his statement on the deployment', async () => {
    const answer = await answerLine('/who kirby', app.dispatch, app.services.commands);
    const view = answer.data as WhoView;
    expect(view.person?.name).toBe('John Kirby');
    expect(view.person?.roles).toContain('US National Security Council official');
    const statement = view.statements.find((item) =>
      item.text.includes(
        'unprecedented deployment of advanced artillery, tanks and mechanized infantry units',
      ),
    );
    expect(statement).toMatchObject({ kind: 'mixed', cue: 'noted' });
    expect(statement?.article.outlet).toBe('time news');
    expect(answer.reply.blocks[0]).toMatchObject({ type: 'person', name: 'John Kirby' });
  });

  it('gives Blinken’s call for de-escalation', () => {
    expect(said(statementsOf(app, 'blinken')).join('\n')).toContain(
      'stressed the need for “immediate de-escalation and a return to dialogue”',
    );
  });

  it('gives both of Stoltenberg’s quoted fragments', () => {
    const text = said(statementsOf(app, 'stoltenberg')).join('\n');
    expect(text).toContain('“the only way to resolve unresolved issues”');
    expect(text).toContain('“the key to lasting security in Kosovo and stability in the region.”');
  });

  it('gives Sullivan’s reported concern over Serbian troops near the border', () => {
    const [statement] = statementsOf(app, 'sullivan');
    expect(statement).toMatchObject({ kind: 'indirect', cue: 'expressed concern' });
    expect(statement?.text).toContain('the build-up of Serbian troops close to Kosovo');
  });
});

describe('/who on the sample corpus', () => {
  let app: App;
  beforeAll(async () => {
    app = createTestApp();
    await app.ingester.ingestPaths([sampleDir]);
  });
  afterAll(() => app.close());

  const cases: [query: string, name: string, statement: string][] = [
    ['kirby', 'John Kirby', 'said Washington was calling on Serbia to pull those forces back'],
    ['blinken', 'Antony Blinken', 'urged Azerbaijan to cease military actions immediately'],
    [
      'kurti',
      'Albin Kurti',
      '“Belgrade cannot be rewarded for reducing a threat it created itself,”',
    ],
    [
      'vucic',
      'Aleksandar Vučić',
      'said he had told the envoys that Serbs in the north were living in fear',
    ],
    [
      'borrell',
      'Josep Borrell',
      '"The situation in the north of Kosovo is dangerous and cannot continue,"',
    ],
    ['stoltenberg', 'Jens Stoltenberg', 'said the reinforcements were a precaution'],
    [
      'ristuccia',
      'Angelo Michele Ristuccia',
      'the mission "remains ready to intervene" if security in the north deteriorated',
    ],
    [
      'lajcak',
      'Miroslav Lajčák',
      '“We came with a clear message: both sides must implement what they have agreed, without further delay,”',
    ],
    ['pashinyan', 'Nikol Pashinyan', "warned that the region's population faced ethnic cleansing"],
    [
      'svecla',
      'Xhelal Sveçla',
      '"This was not a spontaneous act by desperate locals. This was a military-style operation,"',
    ],
    [
      'escobar',
      'Gabriel Escobar',
      '"The security situation has improved, but it is not yet where it needs to be,"',
    ],
    [
      'aliyev',
      'Ilham Aliyev',
      'said Azerbaijan had restored its sovereignty over the region in less than 24 hours',
    ],
    [
      'stano',
      'Peter Stano',
      'said the EU expected a credible investigation and full cooperation by the Serbian authorities',
    ],
    [
      'shapps',
      'Grant Shapps',
      'the move would help to "maintain security and stability" in Kosovo',
    ],
  ];
  for (const [query, name, statement] of cases) {
    it(`/who ${query} gives ${name} and what they said`, () => {
      const view = buildWho(app.store, query, NOW, { pageSize: 500 });
      expect(view.person?.name).toBe(name);
      expect(view.person?.roles.length).toBeGreaterThan(0);
      expect(said(view.statements).some((line) => line.includes(statement))).toBe(true);
      const dates = view.statements.map((item) => item.date);
      expect(dates).toEqual([...dates].sort().reverse());
    });
  }

  it('marks direct quotes in the reply and offers more statements', async () => {
    const answer = await answerLine('/who borrell', app.dispatch, app.services.commands);
    const quotes = answer.reply.blocks.filter((block) => block.type === 'quote');
    expect(quotes).toHaveLength(10);
    expect(answer.reply.actions?.[0]?.commandLine).toBe('/who "Josep Borrell" page:2');
    const view = answer.data as WhoView;
    const direct = view.statements.findIndex((item) => item.kind === 'direct');
    if (direct >= 0)
      expect(quotes[direct]).toMatchObject({ speaker: 'Josep Borrell (direct quote)' });
  });
});
