import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './scripts/chromium.mjs';

const PORT = Number(process.env.E2E_PORT ?? 3100);
export const baseURL = `http://127.0.0.1:${PORT}`;

/**
 * End-to-end tests drive a real Chromium (Debian's: Playwright cannot download browsers here)
 * against the production build in demo mode, with the emulator's test hooks on and fast transitions.
 */
export default defineConfig({
  testDir: './e2e',
  // Artifacts apart from the JSON reports, which CI reads: Playwright empties this folder first.
  outputDir: 'test-results/playwright',
  fullyParallel: false,
  // One emulator holds the state every test changes: run one test at a time.
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    ...devices['Desktop Chrome'],
    viewport: { width: 1360, height: 900 },
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
  },
  webServer: {
    command: 'node scripts/start.mjs',
    url: `${baseURL}/api/auth/providers`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(PORT),
      HOST: '127.0.0.1',
      AUTH_URL: baseURL,
      HANGAR_EMULATOR_CONTROL: '1',
      EMULATOR_TRANSITION_MS: '1500',
      HANGAR_LOG: 'off',
      // Short, so the fault tests can show a hung GitHub without waiting the production 15 s.
      HANGAR_UPSTREAM_TIMEOUT_MS: '4000',
      NEXT_TELEMETRY_DISABLED: '1',
      GITHUB_ID: '',
    },
  },
});
