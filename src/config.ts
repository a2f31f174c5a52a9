import { availableParallelism } from 'node:os';
import { z } from 'zod';

/**
 * Every setting sitrep reads, validated once at start-up. Each variable is documented in
 * `.env.example`; a bad value stops the process with a message naming the variable (never
 * its value, which may be a secret).
 */
const schema = z.object({
  SITREP_DB: z.string().min(1).default('data/sitrep.db'),
  SITREP_SAMPLE_DIR: z.string().min(1).default('data/sample'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('warn'),
  DISCORD_TOKEN: z.string().min(1).optional(),
  DISCORD_APPLICATION_ID: z
    .string()
    .regex(/^\d{17,20}$/, 'a Discord snowflake id')
    .optional(),
  DISCORD_GUILD_ID: z
    .string()
    .regex(/^\d{17,20}$/, 'a Discord snowflake id')
    .optional(),
  DISCORD_API_BASE: z.url({ protocol: /^https?$/ }).optional(),
  TELEGRAM_BOT_TOKEN: z.string().min(1).optional(),
  TELEGRAM_API_ROOT: z.url().optional(),
  TELEGRAM_WEBHOOK_URL: z.url({ protocol: /^https$/ }).optional(),
  TELEGRAM_WEBHOOK_SECRET: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,256}$/, 'use 1-256 of A-Z a-z 0-9 _ -')
    .optional(),
  TELEGRAM_WEBHOOK_PORT: z.coerce.number().int().min(1).max(65535).default(8080),
  OPENAI_API_KEY: z.string().min(1).optional(),
  OPENAI_BASE_URL: z.url().optional(),
  OPENAI_MODEL: z.string().min(1).default('gpt-4o-mini'),
  SITREP_LLM_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(8000),
  SITREP_LLM_MAX_CONCURRENT: z.coerce.number().int().min(1).max(64).default(4),
  SITREP_INBOX: z.string().min(1).default('data/inbox'),
  SITREP_INBOX_SETTLE_MS: z.coerce.number().int().min(0).max(600_000).default(2000),
  SITREP_FEEDS: z.string().min(1).optional(),
  SITREP_FEED_INTERVAL_S: z.coerce.number().int().min(5).max(86_400).default(60),
  SITREP_FETCH_PAGES: z.stringbool().default(true),
  SITREP_ALLOW_PRIVATE_FETCH: z.stringbool().default(false),
  SITREP_DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(7),
  SITREP_USER_COMMANDS_PER_MIN: z.coerce.number().int().min(1).max(10_000).default(20),
  SITREP_CHANNEL_COMMANDS_PER_MIN: z.coerce.number().int().min(1).max(100_000).default(60),
  SITREP_HTTP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  SITREP_HTTP_HOST: z.string().min(1).default('127.0.0.1'),
  SITREP_ANALYSIS_THREADS: z.coerce.number().int().min(0).max(64).default(availableParallelism()),
});

export type Config = z.infer<typeof schema>;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Reads the configuration from an environment (process.env after dotenv, or a test's object). */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): Config {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const result = schema.safeParse(present);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  throw new ConfigError(`Invalid configuration. ${problems.join('; ')}. See .env.example.`);
}
