import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the fake does with one chat completion request. */
export type Behaviour =
  | { kind: 'answer'; content: string }
  | { kind: 'status'; status: number; message: string }
  /** Accepts the request and never answers (until the server closes). */
  | { kind: 'hang' };

export interface ChatRequest {
  model: string;
  stream?: boolean;
  messages: { role: string; content: string }[];
}

export interface FakeOpenAi {
  /** Base URL including `/v1`, as `OPENAI_BASE_URL` takes it. */
  baseURL: string;
  requests: ChatRequest[];
  close(): Promise<void>;
}

function answerJson(response: ServerResponse, request: ChatRequest, content: string): void {
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end(
    JSON.stringify({
      id: 'chatcmpl-fake',
      object: 'chat.completion',
      created: 1_700_000_000,
      model: request.model,
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content },
          finish_reason: 'stop',
          logprobs: null,
        },
      ],
      usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
    }),
  );
}

/** Streams the content as server-sent chunk events of a few characters each, then [DONE]. */
function answerStream(response: ServerResponse, request: ChatRequest, content: string): void {
  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  const chunk = (delta: Record<string, string>, finish: string | null) =>
    `data: ${JSON.stringify({
      id: 'chatcmpl-fake',
      object: 'chat.completion.chunk',
      created: 1_700_000_000,
      model: request.model,
      choices: [{ index: 0, delta, finish_reason: finish, logprobs: null }],
    })}\n\n`;
  response.write(chunk({ role: 'assistant', content: '' }, null));
  for (let i = 0; i < content.length; i += 7)
    response.write(chunk({ content: content.slice(i, i + 7) }, null));
  response.write(chunk({}, 'stop'));
  response.end('data: [DONE]\n\n');
}

/**
 * A local OpenAI-compatible server for tests: `POST /v1/chat/completions` answers as the script
 * says (JSON, or server-sent events when the request asks to stream), and every request is
 * recorded. Listens on 127.0.0.1 on an ephemeral port.
 */
export async function startFakeOpenAi(
  script: (request: ChatRequest) => Behaviour,
): Promise<FakeOpenAi> {
  const requests: ChatRequest[] = [];
  const server = createServer((incoming: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      if (incoming.method !== 'POST' || incoming.url !== '/v1/chat/completions') {
        response.writeHead(404, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ error: { message: 'not found' } }));
        return;
      }
      const request = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ChatRequest;
      requests.push(request);
      const behaviour = script(request);
      if (behaviour.kind === 'hang') return;
      if (behaviour.kind === 'status') {
        response.writeHead(behaviour.status, {
          'content-type': 'application/json',
          'retry-after': '0',
        });
        response.end(JSON.stringify({ error: { message: behaviour.message, type: 'fake' } }));
        return;
      }
      if (request.stream) answerStream(response, request, behaviour.content);
      else answerJson(response, request, behaviour.content);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
