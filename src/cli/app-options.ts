import type { Config } from '../config.ts';
import type { AppOptions } from '../main.ts';

/** The model settings for `createApp`, when an OpenAI-compatible key is configured. */
export function llmOptions(config: Config): Pick<AppOptions, 'llm'> {
  if (!config.OPENAI_API_KEY) return {};
  return {
    llm: {
      apiKey: config.OPENAI_API_KEY,
      model: config.OPENAI_MODEL,
      timeoutMs: config.SITREP_LLM_TIMEOUT_MS,
      maxConcurrent: config.SITREP_LLM_MAX_CONCURRENT,
      ...(config.OPENAI_BASE_URL ? { baseURL: config.OPENAI_BASE_URL } : {}),
    },
  };
}
