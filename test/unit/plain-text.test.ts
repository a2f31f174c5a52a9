import { describe, expect, it } from 'vitest';
import { interpretPlainMessage } from '../../src/briefing/plain-text.ts';

const people = (_source: string, prefix: string) =>
  [
    { name: 'John Kirby', value: 'John Kirby' },
    { name: 'Aleksandar Vučić', value: 'Aleksandar Vučić' },
  ].filter((person) => person.name.toLowerCase().includes(prefix.toLowerCase().slice(0, 4)));

describe('interpretPlainMessage', () => {
  it('answers a known topic or alias as /briefing', () => {
    expect(interpretPlainMessage('Kosovo')).toEqual({ kind: 'command', line: '/briefing kosovo' });
    expect(interpretPlainMessage('pristina?')).toEqual({
      kind: 'command',
      line: '/briefing kosovo',
    });
  });

  it('answers a known person, matched without case or accents, as /who', () => {
    expect(interpretPlainMessage('john kirby', people)).toEqual({
      kind: 'command',
      line: '/who "John Kirby"',
    });
    expect(interpretPlainMessage('Aleksandar Vucic', people)).toEqual({
      kind: 'command',
      line: '/who "Aleksandar Vučić"',
    });
  });

  it('searches anything else, including names when no people index is wired', () => {
    expect(interpretPlainMessage('john kirby')).toEqual({ kind: 'search', query: 'john kirby' });
    expect(
      interpretPlainMessage('what happened at the border crossing near jarinje today'),
    ).toEqual({
      kind: 'search',
      query: 'what happened at the border crossing near jarinje today',
    });
  });

  it('answers a surname that names one person, or "who is" a name, as /who; other questions are searched', () => {
    const lookup = (query: string) => (query.toLowerCase() === 'kirby' ? 'John Kirby' : null);
    const kirby = { kind: 'command', line: '/who "John Kirby"' };
    expect(interpretPlainMessage('kirby', undefined, lookup)).toEqual(kirby);
    expect(interpretPlainMessage('who is Kirby?', undefined, lookup)).toEqual(kirby);
    expect(interpretPlainMessage('who attacked the patrol', undefined, lookup)).toEqual({
      kind: 'search',
      query: 'who attacked the patrol',
    });
    expect(interpretPlainMessage('what did Kirby say about Rafah?', undefined, lookup)).toEqual({
      kind: 'command',
      line: '/who "John Kirby" topic:"Rafah"',
    });
    expect(interpretPlainMessage('what did the army say?', undefined, lookup)).toEqual({
      kind: 'search',
      query: 'what did the army say',
    });
  });
});
