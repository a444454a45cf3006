import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

/**
 * The layers, enforced rather than described (CONTRIBUTING.md says why):
 * - emulator/ plays GitHub and imports nothing of the app, so the two can disagree and tests find out;
 * - lib/ domain modules are pure: no React, no Next, no I/O;
 * - server-only modules (tokens, config, the proxy, the GitHub clients and store) are never
 *   imported where browser code lives (types excepted);
 * - views (*-view.tsx) render props: they reach no data layer.
 */

/** Modules that hold tokens, secrets or server I/O. */
const SERVER_ONLY = [
  '@/lib/auth/options',
  '@/lib/auth/token',
  '@/lib/config',
  '@/lib/demo',
  '@/lib/github/client',
  '@/lib/github/proxy',
  '@/lib/github/server-transport',
  '@/lib/github/store',
  '@/lib/github/store/*',
  '@/lib/github/upstream',
  '@/lib/server/*',
  // A slice's server part (lib/<feature>/*.server.ts): its database, GitHub App credential, scheduler.
  '**/*.server',
];
const serverOnly = { group: SERVER_ONLY, allowTypeImports: true, message: 'Server-only: it must never reach browser code.' };
const io = {
  group: ['react', 'react-dom', 'next', 'next/*', '@tanstack/*', 'node:*', 'redis', '@octokit/rest', '@octokit/plugin-*'],
  allowTypeImports: true,
  message: 'Domain logic is pure: no React, Next, or I/O here.',
};
const dataLayer = {
  group: [
    '@tanstack/react-query',
    '@/lib/queries/*',
    '@/lib/api/codespaces',
    '@/lib/api/repositories',
    '@/lib/api/orgs',
    '@/lib/api/secrets',
  ],
  allowTypeImports: true,
  message: 'A view only renders props: its page (the container) reads data and passes it in.',
};
/** zod is ~30 KB gzipped: the data layer every page loads reads GitHub's answers without it. */
const schemas = {
  group: ['zod', '@/lib/codespaces/schemas', '@/lib/secrets/schemas', '@/lib/github/params', '@/lib/github/allowlist'],
  allowTypeImports: true,
  message: 'zod stays off the first load: validate on the server, or import it from a lazily loaded form or dialog.',
};
const restrict = (...patterns) => ({ '@typescript-eslint/no-restricted-imports': ['error', { patterns }] });

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      '.next/**',
      'node_modules/**',
      'next-env.d.ts',
      'test-results/**',
      'playwright-report/**',
      'bench/results.json',
      // The benchmark's bare Next.js app: its build output and generated types.
      'bench/baseline/.next/**',
      'bench/baseline/next-env.d.ts',
    ],
  },
  {
    // Avatars come from whichever GitHub (or emulator) host is configured at start, so
    // next/image, which needs hosts fixed at build time, cannot serve them.
    rules: { '@next/next/no-img-element': 'off' },
  },
  {
    files: ['emulator/**'],
    rules: {
      'import/no-restricted-paths': [
        'error',
        {
          zones: ['app', 'components', 'lib', 'proxy.ts'].map((from) => ({
            target: './emulator',
            from: `./${from}`,
            message: 'The emulator imports nothing from the app.',
          })),
        },
      ],
      ...restrict({ group: ['@/*'], message: 'The emulator imports nothing from the app.' }),
    },
  },
  {
    files: [
      'lib/codespaces/**',
      'lib/billing/**',
      'lib/orgs/**',
      'lib/lists/**',
      'lib/secrets/**',
      'lib/attention/**',
      'lib/csv/**',
      'lib/palette/**',
      'lib/format.ts',
      'lib/repositories/**',
      'lib/api/errors.ts',
      'lib/api/pagination.ts',
      'lib/github/operations.ts',
      'lib/github/allowlist.ts',
      'lib/github/rate-limit.ts',
      'lib/github/conditional.ts',
      // A slice's pure rules.
      'lib/**/domain/**',
    ],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: restrict(io, serverOnly),
  },
  {
    files: ['components/**', 'lib/api/**', 'lib/queries/**', 'lib/hooks/**', 'lib/notify.ts'],
    rules: restrict(serverOnly),
  },
  {
    files: ['lib/api/**', 'lib/queries/**', 'lib/hooks/**', 'lib/notify.ts'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: restrict(serverOnly, schemas),
  },
  {
    files: ['**/*-view.tsx'],
    rules: restrict(serverOnly, dataLayer),
  },
];

export default config;
