import { defineConfig, type Project } from '@playwright/test';
import { findElectronBinary } from './scripts/electron-binary.mjs';

const electronBinary = findElectronBinary();
// Print the skip once, from the main process only (workers load this file too).
if (!electronBinary && process.env['TEST_WORKER_INDEX'] === undefined) {
  console.log('Electron-projektet er sprunget over: Electron-programmet findes ikke på denne maskine (kør `npm start` med internet for at hente det).');
}

const projects: Project[] = [
  {
    name: 'chromium',
    testMatch: /.*\.spec\.ts$/,
    use: {
      browserName: 'chromium',
      locale: 'da-DK',
      timezoneId: 'Europe/Copenhagen',
      viewport: { width: 1366, height: 800 },
      launchOptions: {
        executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
        // This machine has no network but loopback: keep Chromium from reaching out at start.
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      },
    },
  },
];
if (electronBinary) projects.push({ name: 'electron', testMatch: /.*\.electron\.ts$/ });

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/playwright',
  fullyParallel: true,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  projects,
});
