// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const sdkOnlyInAdapters = {
  patterns: [
    {
      group: ['discord.js', '@discordjs/*'],
      message: 'discord.js belongs in src/platforms/discord/ only.',
    },
    {
      group: ['telegraf', 'telegraf/*'],
      message: 'telegraf belongs in src/platforms/telegram/ only.',
    },
    { group: ['openai', 'openai/*'], message: 'openai belongs in src/llm/ only.' },
  ],
};

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'coverage/', 'data/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // CommonJS bootstraps (the analysis worker's), which must use require().
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/**/*.ts', 'commands/**/*.ts'],
    ignores: ['src/platforms/discord/**', 'src/platforms/telegram/**', 'src/llm/**'],
    rules: { 'no-restricted-imports': ['error', sdkOnlyInAdapters] },
  },
);
