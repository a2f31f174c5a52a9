import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One Bot API request the bot made. Multipart bodies (sendPhoto) keep their text fields. */
export interface RecordedCall {
  method: string;
  body: Record<string, unknown>;
  /** Size of the uploaded file part, for multipart requests. */
  fileBytes?: number;
  /** The test's clock at the time of the request (virtual time when a timer is injected). */
  at: number;
}

type Answer = { status: number; body: unknown };

export interface FakeBotApi {
  /** Pass as telegraf's `apiRoot`. */
  apiRoot: string;
  calls: RecordedCall[];
  callsTo(method: string): RecordedCall[];
  /** The next call to `method` gets a 429 with `parameters.retry_after = seconds`. */
  failNextWith429(method: string, seconds: number): void;
  /** The next call to `method` gets this Bot API error. */
  failNext(method: string, code: number, description: string): void;
  /** `getChatMember` answers: `"<chatId>:<userId>"` → status (default `member`). */
  members: Map<string, string>;
  /** `getChat` answers by id or `@username`; unknown chats get 400 "chat not found". */
  chats: Map<string, { id: number; type: string; title?: string }>;
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The text fields of a multipart body, and the size of its file part. */
function parseMultipart(raw: Buffer, contentType: string) {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType);
  const fields: Record<string, unknown> = {};
  let fileBytes = 0;
  if (!boundary) return { fields, fileBytes };
  const parts = raw.toString('latin1').split(`--${boundary[1] ?? boundary[2]}`);
  for (const part of parts) {
    const split = part.indexOf('\r\n\r\n');
    if (split < 0) continue;
    const head = part.slice(0, split);
    const value = part.slice(split + 4).replace(/\r\n$/, '');
    const name = /name="([^"]+)"/.exec(head)?.[1];
    if (!name) continue;
    if (/filename="/.test(head)) fileBytes += value.length;
    else fields[name] = Buffer.from(value, 'latin1').toString('utf8');
  }
  return { fields, fileBytes };
}

/**
 * A recording Bot API on loopback: every `POST /bot<token>/<method>` is logged and answered
 * like Telegram would (message objects with increasing ids, `true` for setters), including
 * methods telegram-test-api lacks (setMyCommands, sendPhoto, getChatMember). Failures and 429s
 * are scripted per method, so tests can prove retry and error handling without the network.
 */
export async function startFakeBotApi(options: { now?: () => number } = {}): Promise<FakeBotApi> {
  const now = options.now ?? (() => Date.now());
  const calls: RecordedCall[] = [];
  const scripted = new Map<string, Answer[]>();
  const members = new Map<string, string>();
  const chats = new Map<string, { id: number; type: string; title?: string }>();
  let nextMessageId = 100;

  const message = (body: Record<string, unknown>) => ({
    message_id: nextMessageId++,
    date: 1_700_000_000,
    chat: { id: Number(body.chat_id), type: Number(body.chat_id) < 0 ? 'supergroup' : 'private' },
    ...(typeof body.text === 'string' ? { text: body.text } : {}),
  });

  function answer(method: string, body: Record<string, unknown>): Answer {
    const queued = scripted.get(method)?.shift();
    if (queued) return queued;
    switch (method) {
      case 'getMe':
        return {
          status: 200,
          body: {
            ok: true,
            result: { id: 42, is_bot: true, first_name: 'Sitrep', username: 'sitrep_test_bot' },
          },
        };
      case 'sendMessage':
      case 'sendPhoto':
      case 'editMessageText':
        return { status: 200, body: { ok: true, result: message(body) } };
      case 'getChatMember': {
        const status = members.get(`${String(body.chat_id)}:${String(body.user_id)}`) ?? 'member';
        return {
          status: 200,
          body: {
            ok: true,
            result: {
              status,
              user: { id: Number(body.user_id), is_bot: false, first_name: 'U' },
              can_post_messages: true,
            },
          },
        };
      }
      case 'getChat': {
        const chat = chats.get(String(body.chat_id));
        return chat
          ? { status: 200, body: { ok: true, result: chat } }
          : {
              status: 400,
              body: { ok: false, error_code: 400, description: 'Bad Request: chat not found' },
            };
      }
      default:
        return { status: 200, body: { ok: true, result: true } };
    }
  }

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const match = /^\/bot[^/]+\/(\w+)$/.exec(request.url ?? '');
    const raw = await readBody(request);
    if (!match || request.method !== 'POST') {
      response.writeHead(404).end();
      return;
    }
    const method = match[1]!;
    const type = request.headers['content-type'] ?? '';
    let body: Record<string, unknown> = {};
    let fileBytes: number | undefined;
    if (type.startsWith('multipart/form-data')) {
      const parsed = parseMultipart(raw, type);
      body = parsed.fields;
      fileBytes = parsed.fileBytes;
    } else if (raw.length > 0) {
      body = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
    }
    calls.push({ method, body, ...(fileBytes !== undefined ? { fileBytes } : {}), at: now() });
    const result = answer(method, body);
    response.writeHead(result.status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(result.body));
  }

  const server = createServer((request, response) => {
    handle(request, response).catch(() => response.writeHead(500).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const script = (method: string, reply: Answer) =>
    scripted.set(method, [...(scripted.get(method) ?? []), reply]);

  return {
    apiRoot: `http://127.0.0.1:${port}`,
    calls,
    callsTo: (method) => calls.filter((call) => call.method === method),
    failNextWith429(method, seconds) {
      script(method, {
        status: 429,
        body: {
          ok: false,
          error_code: 429,
          description: `Too Many Requests: retry after ${seconds}`,
          parameters: { retry_after: seconds },
        },
      });
    },
    failNext(method, code, description) {
      script(method, { status: code, body: { ok: false, error_code: code, description } });
    },
    members,
    chats,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
