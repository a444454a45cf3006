import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { StallReporter } from './lib/test/stall-reporter';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  resolve: { alias: { '@': root } },
  test: {
    // A run that stops moving for 5 minutes ends as failed, naming its files (lib/test/stall-reporter.ts);
    // the slowest file here takes ~70 s on a loaded two-core machine, its slowest test ~14 s.
    reporters: ['default', ['json', { outputFile: 'test-results/unit.json' }], new StallReporter({ stallMs: 5 * 60_000 })],
    // `server-only` throws outside a React Server environment; tests exercise server modules directly.
    alias: { 'server-only': `${root}lib/test/server-only-stub.ts` },
    projects: [
      {
        extends: true,
        test: {
          name: 'logic',
          include: ['lib/**/*.test.ts', 'emulator/**/*.test.ts', 'app/**/*.test.ts', 'scripts/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        // Views (props in, markup out) in a DOM, with React Testing Library.
        extends: true,
        test: {
          name: 'views',
          include: ['components/**/*.test.tsx'],
          environment: 'jsdom',
          setupFiles: ['lib/test/setup-views.ts'],
        },
      },
    ],
  },
});
