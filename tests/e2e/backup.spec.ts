import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { damageForumIdIndex } from '../faults/indexDamage';
import { expect, expectAccessible, screenshot, test } from './fixtures';
import { newArchivePath, startHarness } from './harness';
import { createForum, menu } from './thin-slice.steps';

async function openSettings(page: Page) {
  await menu(page).getByRole('button', { name: 'Indstillinger' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Indstillinger' })).toBeVisible();
  return page.getByRole('region', { name: 'Sikkerhedskopier' });
}

async function openForums(page: Page) {
  await menu(page).getByRole('button', { name: 'Fora' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Fora' })).toBeVisible();
}

test('en sikkerhedskopi tages i indstillingerne og gendannes fra listen', async ({ page, harness }) => {
  await page.goto(harness.url);
  await createForum(page, 'TRIO Først', 'Egeskolen');

  const panel = await openSettings(page);
  await panel.getByRole('button', { name: 'Tag en sikkerhedskopi nu' }).click();
  await expect(panel.getByRole('status')).toContainText('er taget og tjekket');
  const manual = panel.getByRole('row').filter({ hasText: 'Taget i hånden' });
  await expect(manual).toHaveCount(1);
  await expect(manual).toContainText(/ kl\. \d{2}\.\d{2}/);

  await createForum(page, 'TRIO Bagefter', 'Egeskolen');
  await openForums(page);
  await expect(page.getByRole('main')).toContainText('TRIO Bagefter');

  await openSettings(page);
  await manual.getByRole('button', { name: /^Gendan denne/ }).click();
  const question = panel.getByRole('group', { name: /^Gendan sikkerhedskopien fra .*\?$/ });
  await expect(question).toContainText('bliver ikke slettet');
  await expect(question.getByRole('heading', { level: 3 })).toBeFocused();
  await screenshot(page, 'indstillinger-sikkerhedskopier');
  await expectAccessible(page, 'Indstillinger med sikkerhedskopier');

  await question.getByRole('button', { name: 'Ja, gendan sikkerhedskopien' }).click();
  await expect(panel.getByRole('status')).toContainText(/er gendannet\. Arkivet, som det var, er gemt som samtalerum-FØR-GENDANNELSE-/);
  await expect(panel.getByRole('row').filter({ hasText: 'Før gendannelse af en anden kopi' })).toHaveCount(1);
  await expectAccessible(page, 'Indstillinger efter gendannelse');

  await openForums(page);
  await expect(page.getByRole('main')).toContainText('TRIO Først');
  await expect(page.getByRole('main')).not.toContainText('TRIO Bagefter');
  // The archive as it was is kept as a file beside the restored one.
  expect(readdirSync(dirname(harness.dbPath)).filter((name) => name.startsWith('samtalerum-FØR-GENDANNELSE-'))).toHaveLength(1);

  // The restore is in the file, not just on the screen.
  await harness.restart();
  await page.goto(harness.url);
  await openForums(page);
  await expect(page.getByRole('main')).toContainText('TRIO Først');
  await expect(page.getByRole('main')).not.toContainText('TRIO Bagefter');
});

test('fortryd lader arkivet være som det er', async ({ page, harness }) => {
  await page.goto(harness.url);
  await createForum(page, 'TRIO Først', 'Egeskolen');
  const panel = await openSettings(page);
  await panel.getByRole('button', { name: 'Tag en sikkerhedskopi nu' }).click();
  const restoreButton = panel.getByRole('row').filter({ hasText: 'Taget i hånden' }).getByRole('button', { name: /^Gendan denne/ });
  await restoreButton.click();
  await panel.getByRole('button', { name: 'Nej, behold arkivet som det er' }).click();
  await expect(panel.getByRole('group')).toHaveCount(0);
  await expect(restoreButton).toBeFocused();
  expect(readdirSync(dirname(harness.dbPath)).filter((name) => name.startsWith('samtalerum-FØR-GENDANNELSE-'))).toEqual([]);
});

/** Starts the built harness with the startup restore switched on, and collects what it says on stderr. */
function launchRestoring(dbPath: string): Promise<{ child: ChildProcess; url: string; stderr: string[] }> {
  const child = spawn(process.execPath, ['dist/harness/server.cjs', '--db', dbPath, '--port', '0', '--restore-newest-if-corrupt'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stderr: string[] = [];
  createInterface({ input: child.stderr! }).on('line', (line) => stderr.push(line));
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = /^HARNESS_READY (\S+)/.exec(line);
      if (match?.[1]) resolve({ child, url: match[1], stderr });
    });
    child.once('exit', (code) => reject(new Error(`Harness stoppede med kode ${code}: ${stderr.join('\n')}`)));
  });
}

/** An archive with «TRIO Først» and a checked manual backup of it, made in the app; the harness is stopped. */
async function archiveWithCheckedBackup(page: Page): Promise<string> {
  const dbPath = newArchivePath();
  const first = await startHarness(dbPath);
  await page.goto(first.url);
  await createForum(page, 'TRIO Først', 'Egeskolen');
  const panel = await openSettings(page);
  await panel.getByRole('button', { name: 'Tag en sikkerhedskopi nu' }).click();
  await expect(panel.getByRole('status')).toContainText('er taget og tjekket');
  await first.stop();
  return dbPath;
}

test('et beskadiget arkiv ved start erstattes af den nyeste gode sikkerhedskopi', async ({ page }) => {
  const dbPath = await archiveWithCheckedBackup(page);

  // A few pages after the first overwritten, as a failing disk would.
  const bytes = readFileSync(dbPath);
  bytes.fill(0xff, 4096, 4096 * 4);
  writeFileSync(dbPath, bytes);

  const restoring = await launchRestoring(dbPath);
  try {
    await expect.poll(() => restoring.stderr.join('\n')).toMatch(/^Arkivet er beskadiget; den nyeste gode sikkerhedskopi, samtalerum-.*, er gendannet\. Det beskadigede arkiv er gemt som samtalerum-FØR-GENDANNELSE-/m);
    const kept = readdirSync(dirname(dbPath)).filter((name) => name.startsWith('samtalerum-FØR-GENDANNELSE-') && name.endsWith('.sqlite'));
    expect(kept).toHaveLength(1);
    expect(readFileSync(`${dirname(dbPath)}/${kept[0]}`).equals(bytes)).toBe(true);

    await page.goto(restoring.url);
    await openForums(page);
    await expect(page.getByRole('main')).toContainText('TRIO Først');
  } finally {
    await new Promise<void>((resolve) => {
      restoring.child.once('exit', () => resolve());
      restoring.child.kill('SIGTERM');
    });
  }
});

test('indeksskade, som kun det grundige tjek finder, meldes efter start og fører til den nyeste gode kopi', async ({ page }) => {
  const dbPath = await archiveWithCheckedBackup(page);

  const db = new Database(dbPath, { readonly: true });
  const { id } = db.prepare('SELECT id FROM forum').get() as { id: string };
  db.close();
  damageForumIdIndex(dbPath, id);

  const second = await startHarness(dbPath);
  try {
    await page.goto(second.url);
    // The archive opens (its start reads whole); the full check in the background then speaks up.
    const alert = page.getByRole('alert').filter({ hasText: 'fundet fejl i arkivets indeks' });
    await expect(alert).toContainText(/Den nyeste sikkerhedskopi, der består det grundige tjek, er fra .* kl\. \d{2}\.\d{2}\./);
    await expectAccessible(page, 'Besked om fejl i arkivets indeks');
    await alert.getByRole('button', { name: 'Gå til sikkerhedskopierne' }).click();

    const panel = page.getByRole('region', { name: 'Sikkerhedskopier' });
    await panel.getByRole('button', { name: /^Gendan den nyeste gode sikkerhedskopi \(fra .*\)$/ }).click();
    const question = panel.getByRole('group', { name: /^Gendan sikkerhedskopien fra .*\?$/ });
    await expect(question.getByRole('heading', { level: 3 })).toBeFocused();
    await question.getByRole('button', { name: 'Ja, gendan sikkerhedskopien' }).click();
    await expect(panel.getByRole('status')).toContainText('er gendannet');
    await expect(page.getByRole('alert')).toHaveCount(0);
    await openForums(page);
    await expect(page.getByRole('main')).toContainText('TRIO Først');
  } finally {
    await second.stop();
  }
  const restored = new Database(dbPath, { readonly: true });
  expect(restored.pragma('integrity_check', { simple: true })).toBe('ok');
  restored.close();
});

test('en gendannelse, der blev afbrudt, forklares ved næste start', async ({ page }) => {
  const dbPath = await archiveWithCheckedBackup(page);
  // What a restore leaves when the power goes after its copy was made: the copy, beside the archive,
  // named after a process that no longer runs.
  const [backup] = readdirSync(join(dirname(dbPath), 'sikkerhedskopier')).filter((name) => name.endsWith('-manuel.sqlite'));
  copyFileSync(join(dirname(dbPath), 'sikkerhedskopier', backup!), join(dirname(dbPath), '.samtalerum.sqlite.gendannes-2147483646.tmp'));

  const second = await startHarness(dbPath);
  try {
    await page.goto(second.url);
    await expect(page.getByRole('status').filter({ hasText: 'blev afbrudt' })).toContainText(
      'Arkivet er, som det var før gendannelsen, og intet er gået tabt.',
    );
    await openForums(page);
    await expect(page.getByRole('main')).toContainText('TRIO Først');
  } finally {
    await second.stop();
  }
  expect(readdirSync(dirname(dbPath)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
});
