// Lint that catches real bugs: unawaited promises, non-exhaustive switches, focused or skipped tests.
import js from '@eslint/js';
import jest from 'eslint-plugin-jest';
import tseslint from 'typescript-eslint';
import { sqlInRepositories } from './tools/eslint/sql-in-repositories.mjs';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.local/**', 'deploy/**', '**/*.mjs', '**/*.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      // A default branch is a deliberate choice for open unions (e.g. provider event types).
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': ['error', { allow: ['error'] }],
    },
  },
  { files: ['scripts/**/*.ts', 'bench/**/*.ts'], rules: { 'no-console': 'off' } },
  {
    // A source file past 400 lines holds a concept that wants a file of its own. Migrations are
    // history; tests read top to bottom and may run longer.
    files: ['apps/**/*.ts', 'libs/**/*.ts', 'scripts/**/*.ts', 'bench/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/*.e2e-spec.ts', '**/database/migrations/**'],
    rules: { 'max-lines': ['error', { max: 400 }] },
  },
  {
    // SQL lives in repositories; controllers (RPC, events, HTTP) call services, never the database.
    files: ['apps/**/*.ts'],
    ignores: ['**/*.repository.ts', '**/database/**', '**/*.spec.ts'],
    plugins: { house: { rules: { 'sql-in-repositories': sqlInRepositories } } },
    rules: { 'house/sql-in-repositories': 'error' },
  },
  {
    // Libraries serve apps; they never reach into an app, a script or the tests.
    files: ['libs/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^(\\.\\./)+(apps|scripts|test)/', message: 'libs/ must not depend on apps, scripts or tests' },
          ],
        },
      ],
    },
  },
  {
    // Only a provider's adapter knows its SDK; domain code speaks of "the provider".
    files: ['apps/**/*.ts'],
    ignores: ['apps/subscriptions/src/payments/stripe/**', 'apps/payments/src/stripe/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'stripe',
              message: "only Stripe's adapters (subscriptions' payments/stripe/, payments' stripe/) import its SDK",
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'TSAsExpression > TSTypeReference[typeName.name=/Env$/]',
          message: "inject the service's env class instead of casting to it",
        },
      ],
    },
  },
  {
    files: ['apps/**/*.controller.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'typeorm', message: 'controllers call services; services and repositories hold the data' },
            {
              name: 'stripe',
              message: "only Stripe's adapters (subscriptions' payments/stripe/, payments' stripe/) import its SDK",
            },
          ],
          patterns: [{ regex: '\\.repository$', message: 'controllers call services, not repositories' }],
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.e2e-spec.ts', 'test/**/*.ts', 'libs/testing/**/*.ts'],
    plugins: { jest },
    rules: {
      'jest/no-focused-tests': 'error',
      'jest/no-disabled-tests': 'error',
      'jest/expect-expect': ['error', { assertFunctionNames: ['expect', 'expectProblem', 'expectState'] }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
