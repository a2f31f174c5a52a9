import { describe, expect, it } from 'vitest';
import { answerQuestion, looksLikeQuestion } from '../../src/briefing/answer-question.ts';
import type { BriefingWriter, WriterRequest, WriterResult } from '../../src/briefing/writer.ts';
import type { Services } from '../../src/core/services.ts';
import { createTestApp } from '../helpers/app.ts';
import { article } from '../helpers/articles.ts';

function recordingWriter(result: WriterResult): BriefingWriter & { requests: WriterRequest[] } {
  const requests: WriterRequest[] = [];
  return { requests, write: async (request) => (requests.push(request), result) };
}

function appWith(writer: BriefingWriter): Services {
  const app = createTestApp();
  app.ingester.ingestArticles([
    article(),
    article({
      url: 'https://a.example/yerevan',
      title: 'Yerevan rally',
      body: 'Protesters gathered in Yerevan.',
    }),
  ]);
  return { ...app.services, llm: writer };
}

describe('questions in a private chat', () => {
  it('tells questions from names and topics', () => {
    expect(looksLikeQuestion('what happened in banjska?')).toBe(true);
    expect(looksLikeQuestion('Who attacked the police')).toBe(true);
    expect(looksLikeQuestion('john kirby')).toBe(false);
    expect(looksLikeQuestion('kosovo')).toBe(false);
  });

  it('gives the model only the matching articles and shows its checked, cited sentences', async () => {
    const writer = recordingWriter({
      ok: true,
      summary: [{ text: 'Police exchanged fire with armed men near Banjska.', citations: [1] }],
      dropped: 0,
    });
    const reply = await answerQuestion(appWith(writer), 'What happened near Banjska?');
    expect(writer.requests).toHaveLength(1);
    expect(writer.requests[0]!.snippets.map((snippet) => snippet.title)).toEqual([
      'Kosovo police exchange fire with gunmen',
    ]);
    expect(writer.requests[0]!.sourceTexts.get(1)).toContain('One officer was killed.');
    expect(reply?.blocks).toContainEqual({
      type: 'text',
      text: 'Police exchanged fire with armed men near Banjska.',
      citations: [1],
    });
    expect(reply?.blocks.find((block) => block.type === 'sources')).toMatchObject({
      items: [{ n: 1 }],
    });
  });

  it('falls back (null) when the model fails, nothing matches, or no model is set', async () => {
    const failing = recordingWriter({ ok: false, reason: 'timeout' });
    expect(await answerQuestion(appWith(failing), 'What happened near Banjska?')).toBeNull();
    const unused = recordingWriter({ ok: false, reason: 'error' });
    expect(await answerQuestion(appWith(unused), 'What about Atlantis?')).toBeNull();
    expect(unused.requests).toHaveLength(0);
    const withoutModel = { ...appWith(unused) };
    delete withoutModel.llm;
    expect(await answerQuestion(withoutModel, 'What happened near Banjska?')).toBeNull();
  });
});
