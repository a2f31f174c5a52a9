import { describe, expect, it } from 'vitest';
import { topicMentions } from '../../src/analysis/stories/features.ts';
import { topicsOfArticle } from '../../src/corpus/topics.ts';

const times = (sentence: string, count: number) => Array(count).fill(sentence).join(' ');

describe('topicMentions', () => {
  it('counts a topic the title names, or the body names often, as central', () => {
    const mentions = topicMentions(
      'Israel strikes Houthis in Yemen',
      `${times('Israel said the strikes hit the port.', 4)} ${times('Hezbollah was not involved.', 3)}`,
    );
    expect(mentions.central).toEqual(['israel', 'lebanon', 'yemen']);
  });

  it('reads no Lebanon in Kataib Hezbollah, the Iraqi militia', () => {
    const body = times('Kataib Hezbollah said it would suspend attacks on US forces in Iraq.', 4);
    expect(topicMentions('US strike kills Kataib Hezbollah commander', body).central).toEqual([]);
    expect(topicsOfArticle({ title: 'Kataib Hezbollah', body, tags: [] })).toEqual([]);
    expect(topicsOfArticle({ title: 'Hezbollah fires rockets', body: '', tags: [] })).toEqual([
      'lebanon',
    ]);
  });

  it('leaves a topic first named in the article’s last third in passing, however often', () => {
    const body =
      `${times('The strike hit the Red Cross office in Gaza and killed 22 people.', 6)} ` +
      'In another development, the UN warned that fighting between Israel and Hezbollah risks ' +
      'a catastrophe. Hezbollah fired rockets. Lebanon braced. Hezbollah said it was ready.';
    expect(topicMentions('Red Cross says 22 killed in strike near its office', body)).toEqual({
      central: ['gaza'],
      passing: ['israel', 'lebanon'],
    });
  });

  it('leaves a topic named far less often than the article’s main one in passing', () => {
    const body =
      `${times('Israel said the drone hit a building in Tel Aviv.', 12)} ` +
      `${times('Hezbollah has fired rockets before.', 3)}`;
    expect(topicMentions('Man killed in drone attack on Tel Aviv', body)).toEqual({
      central: ['israel'],
      passing: ['lebanon'],
    });
  });
});
