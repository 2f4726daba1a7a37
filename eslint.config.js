import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', 'reports/**', 'site/**', 'allure-results/**', 'allure-report/**', 'harness/report/templates/**', '.s3c/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { projectService: false } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-constant-condition': ['error', { checkLoops: false }],
    },
  },
  {
    // Suites see the harness only through its declared surface (harness/api/), so the harness can be
    // reorganised without touching a check.
    files: ['suites/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '(^|/)harness/(?!api/)', message: 'suites import the harness only through harness/api/ (index.ts or an area module)' },
            {
              regex: '(^|/)harness/api/index\\.ts$',
              importNames: ['check', 'property', 'runtime'],
              message: "a suite file registers its checks through its file context: const op = operation('<Operation>', { buckets, setup }); op.check(...), op.property(...), op.rt",
            },
          ],
          paths: [
            {
              name: 'vitest',
              importNames: ['test', 'it', 'describe', 'beforeAll', 'afterAll', 'beforeEach', 'afterEach'],
              message: "a suite file's buckets and resources are its file context's fixtures: operation('<Operation>', { buckets, setup }) (harness/check/file.ts)",
            },
          ],
        },
      ],
    },
  },
);
