// Playwright drives Debian's Chromium (never a downloaded browser) against
// dist/ and www/ served on 127.0.0.1.
import { defineConfig } from '@playwright/test';

// E2E_PORT lets a second run share the machine (CI uses the default).
const port = Number(process.env.E2E_PORT ?? 4173);
export default defineConfig({
  testDir: '.',
  outputDir: '../../target/e2e-results',
  timeout: 60_000,
  workers: 2,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
  webServer: {
    command: `node serve.mjs ${port}`,
    cwd: '.',
    url: `http://127.0.0.1:${port}/decision-guide.js`,
    reuseExistingServer: false,
    timeout: 20_000,
  },
});
