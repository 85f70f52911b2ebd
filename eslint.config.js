// ESLint (flat config): type-aware TypeScript rules, and Lit's, web components' and lit-a11y's rules
// for templates a type-checker cannot read. Prettier formats; nothing here argues about style.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import litA11y from 'eslint-plugin-lit-a11y';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'build/**',
      'storybook-static/**',
      'node_modules/**',
      '.data/**',
      '.tmp/**',
      'bench/tmp/**',
      'src/generated/**',
      'desk/generated/**',
      'src/sdk/phone-metadata.ts',
      'screenshots/**',
      'coverage/**',
      'test/types/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
  },
  {
    files: ['src/**/*.ts', 'desk/**/*.ts', 'stories/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['src/**/*.ts', 'desk/**/*.ts', 'stories/**/*.ts'],
    ...wc.configs['flat/recommended'],
  },
  {
    files: ['src/**/*.ts', 'desk/**/*.ts', 'stories/**/*.ts'],
    ...litA11y.configs.recommended,
  },
  {
    rules: {
      // The stores answer promises by their interface, also where one implementation has nothing to await.
      '@typescript-eslint/require-await': 'off',
      // It calls casts unnecessary that tsc needs (an intersection in define.ts, a fuzzed pack): tsc judges those.
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // Tests use any where they break a value on purpose, and floating promises in fire-and-forget helpers.
    files: ['test/**/*.ts', 'bench/**', 'scripts/**'],
    rules: {
      // node:test's describe() and it() answer promises the runner itself awaits.
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['describe', 'it', 'before', 'after', 'beforeEach', 'afterEach', 'test'] }],
        },
      ],
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['src/**/*.ts', 'desk/**/*.ts', 'stories/**/*.ts'],
    rules: {
      // Lit calls a template's listeners with the element as \`this\` (\`@click=\${this.show}\`).
      '@typescript-eslint/unbound-method': 'off',
      // \`role="list"\` on a list styled without markers is deliberate: Safari and VoiceOver drop the list otherwise.
      'lit-a11y/no-redundant-role': 'off',
    },
  },
  {
    // Chai's \`expect(x).to.exist\` is an assertion written as a property.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off', '@typescript-eslint/unbound-method': 'off' },
  },
  {
    // @open-wc's DOM-diff plugin types every chai \`equal\` as a promise; only axe's check is one.
    files: ['test/browser/**/*.ts'],
    rules: {
      '@typescript-eslint/no-floating-promises': 'off',
      'no-restricted-syntax': [
        'error',
        {
          selector: "ExpressionStatement > CallExpression[callee.property.name='accessible']",
          message: 'Await the axe check: a check not awaited passes whatever it finds.',
        },
      ],
    },
  },
  {
    // Scripts, benchmarks and config files outside the TypeScript project: the same rules without types.
    files: ['**/*.mjs', '*.js', 'demo/**/*.js', 'server/index.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
