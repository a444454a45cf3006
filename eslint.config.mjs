import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

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
];

export default config;
