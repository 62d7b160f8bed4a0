import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['node_modules/', 'web/dist/', 'web/dist.*/', 'data/', 'reports/', 'bench/results/', 'src/db/migrations/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
      eqeqeq: ['error', 'always'],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name='only']", message: 'Focused tests silence the rest of the suite.' },
      ],
    },
  },
  {
    // Personal fields are decrypted only through readPersonalField, which checks the purpose.
    files: ['src/**/*.ts'],
    ignores: ['src/privacy/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/privacy/crypto/field-cipher.ts'], importNames: ['decryptField', 'decryptFieldBytes'], message: 'Read personal fields with readPersonalField or readPersonalFieldBytes (purpose-checked).' }] },
      ],
    },
  },
  {
    files: ['web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
);
