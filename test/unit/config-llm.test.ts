import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';

describe('language model settings', () => {
  it('defaults the model and the timeout', () => {
    const config = loadConfig({ OPENAI_API_KEY: 'k' });
    expect(config.OPENAI_MODEL).toBe('gpt-4o-mini');
    expect(config.SITREP_LLM_TIMEOUT_MS).toBe(8000);
    expect(config.OPENAI_BASE_URL).toBeUndefined();
  });

  it('reads a local server, model and timeout', () => {
    const config = loadConfig({
      OPENAI_BASE_URL: 'http://localhost:11434/v1',
      OPENAI_MODEL: 'llama3',
      SITREP_LLM_TIMEOUT_MS: '2500',
    });
    expect(config.OPENAI_BASE_URL).toBe('http://localhost:11434/v1');
    expect(config.OPENAI_MODEL).toBe('llama3');
    expect(config.SITREP_LLM_TIMEOUT_MS).toBe(2500);
  });

  it('names the variable when a value is bad, never the key', () => {
    expect(() =>
      loadConfig({ SITREP_LLM_TIMEOUT_MS: 'soon', OPENAI_API_KEY: 'sk-secret' }),
    ).toThrow(/SITREP_LLM_TIMEOUT_MS/);
    expect(() => loadConfig({ OPENAI_BASE_URL: 'localhost', OPENAI_API_KEY: 'sk-secret' })).toThrow(
      ConfigError,
    );
    try {
      loadConfig({ OPENAI_BASE_URL: 'localhost', OPENAI_API_KEY: 'sk-secret' });
    } catch (error) {
      expect((error as Error).message).not.toContain('sk-secret');
    }
  });
});
