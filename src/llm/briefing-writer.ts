import NodeCache from 'node-cache';
import type OpenAI from 'openai';
import type { BriefingWriter, WriterRequest, WriterResult } from '../briefing/writer.ts';
import type { Logger } from '../core/logger.ts';
import { buildUserPrompt, parseSummary, SYSTEM_PROMPT } from './prompt.ts';
import { verifySummary } from './verify.ts';

export interface LlmOptions {
  apiKey: string;
  /** An OpenAI-compatible endpoint including `/v1` (Ollama, vLLM, llama.cpp); default OpenAI. */
  baseURL?: string;
  model: string;
  /** The whole answer, streamed or not, must arrive within this time. */
  timeoutMs: number;
  /** Read the answer as server-sent events instead of one JSON body. */
  stream?: boolean;
  logger: Logger;
  /** How long a verified answer is reused for the same topic, window and corpus version. */
  cacheSeconds?: number;
}

/**
 * The briefing summary written by a language model and verified against the sources before it
 * is returned. No retries: a briefing falls back to its extractive summary instead of waiting.
 * Verified answers are cached by the request's key (topic, window and corpus version).
 */
export function createLlmBriefingWriter(options: LlmOptions): BriefingWriter {
  // The SDK is loaded with the first request: it costs a process about 14 MB, which a bot
  // that never asks a model (or an ingest) should not pay.
  let sdk: Promise<{ OpenAI: typeof OpenAI; client: OpenAI }> | undefined;
  const loadSdk = () =>
    (sdk ??= import('openai').then(({ default: OpenAI }) => ({
      OpenAI,
      client: new OpenAI({
        apiKey: options.apiKey,
        ...(options.baseURL ? { baseURL: options.baseURL } : {}),
        timeout: options.timeoutMs,
        maxRetries: 0,
      }),
    })));
  const cache = new NodeCache({ stdTTL: options.cacheSeconds ?? 3600, useClones: false });

  async function complete(request: WriterRequest, signal: AbortSignal): Promise<string> {
    const { client } = await loadSdk();
    const body = {
      model: options.model,
      temperature: 0.2,
      messages: [
        { role: 'system' as const, content: SYSTEM_PROMPT },
        { role: 'user' as const, content: buildUserPrompt(request.topic, request.snippets) },
      ],
    };
    if (!options.stream) {
      const completion = await client.chat.completions.create(
        { ...body, stream: false },
        { signal },
      );
      return completion.choices[0]?.message.content ?? '';
    }
    const stream = await client.chat.completions.create({ ...body, stream: true }, { signal });
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    return text;
  }

  async function write(request: WriterRequest): Promise<WriterResult> {
    const cached = cache.get<WriterResult>(request.cacheKey);
    if (cached) return cached;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), options.timeoutMs);
    let output: string;
    try {
      output = await complete(request, controller.signal);
    } catch (error) {
      const sdkErrors = (await loadSdk().catch(() => null))?.OpenAI;
      const reason =
        controller.signal.aborted ||
        (sdkErrors && error instanceof sdkErrors.APIConnectionTimeoutError)
          ? 'timeout'
          : sdkErrors && error instanceof sdkErrors.RateLimitError
            ? 'rate-limited'
            : 'error';
      options.logger.warn({ reason, err: (error as Error).message }, 'llm summary failed');
      return { ok: false, reason };
    } finally {
      clearTimeout(timer);
    }
    const verification = verifySummary(parseSummary(output), request.sourceTexts);
    if (verification.dropped.length > 0)
      options.logger.info({ dropped: verification.dropped }, 'llm sentences dropped');
    if (verification.kept.length === 0) return { ok: false, reason: 'unverified' };
    const result: WriterResult = {
      ok: true,
      summary: verification.kept,
      dropped: verification.dropped.length,
    };
    cache.set(request.cacheKey, result);
    return result;
  }

  return { write };
}
