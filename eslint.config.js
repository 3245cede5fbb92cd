import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const projectSyntax = [
  { selector: 'TSEnumDeclaration', message: 'Use an `as const` object instead of enum.' },
  { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' },
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'web/dist/',
      'web/dist-viewer/',
      'web/dist-viewer-single/',
      'datasets/',
      'notebooks/',
      'test/golden/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-restricted-syntax': ['error', ...projectSyntax],
    },
  },
  {
    // The browser reaches the sidecar's code only through the wire contract (types, no runtime imports).
    files: ['web/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)server(/(?!contract(/|$))|$)',
              message: 'web/ may import from server/ only the wire contract, server/contract.',
            },
          ],
        },
      ],
    },
  },
  {
    // The wire contract is types only: it imports nothing but its own files and declares no values.
    files: ['server/contract/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^(?!\\./)', message: 'server/contract imports only its own files.' },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        ...projectSyntax,
        {
          selector:
            "ImportDeclaration[importKind='value'], ExportAllDeclaration[exportKind='value'], :matches(Program, ExportNamedDeclaration) > :matches(VariableDeclaration, FunctionDeclaration, ClassDeclaration)",
          message: 'server/contract holds types only (import type, export type, interface, type).',
        },
      ],
    },
  },
  {
    files: ['vite.config.ts', 'vite.viewer.config.ts', 'eslint.config.js'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
