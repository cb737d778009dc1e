import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { findElectronBinary } from '../../scripts/electron-binary.mjs';
import { buildThinSlice, expectThinSlice } from './thin-slice.steps';

/** The same thin slice as over the harness, in the real Electron app (run only where its binary exists). */
function launch(dataDir: string): Promise<ElectronApplication> {
  const executablePath = findElectronBinary();
  if (!executablePath) throw new Error('Electron-programmet mangler.');
  // Chromium refuses to run as root with its sandbox on (as in CI containers).
  const args = process.getuid?.() === 0 ? ['--no-sandbox', '.'] : ['.'];
  return electron.launch({ executablePath, args, env: { ...process.env, SAMTALERUM_DATA_DIR: dataDir } });
}

test('den tynde skive i Electron overlever en genstart', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'samtalerum-electron-'));
  const app = await launch(dataDir);
  const page = await app.firstWindow();

  // No Node in the page (sandbox, no node integration), only the two-function bridge (context isolation).
  expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
  expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
  expect(await page.evaluate(() => Object.keys((globalThis as { samtalerum?: object }).samtalerum ?? {}).sort())).toEqual([
    'invoke',
    'onEvent',
  ]);

  await buildThinSlice(page);
  await app.close();

  const again = await launch(dataDir);
  await expectThinSlice(await again.firstWindow());
  await again.close();
});
