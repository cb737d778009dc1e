import { readFile } from 'node:fs/promises';
import { expect, expectAccessible, test } from './fixtures';
import { menu } from './thin-slice.steps';
import { windows1252 } from '../faults/windows1252';

interface FileShape {
  meetings: { id: string; status: string; title: string; items: { id: string }[]; actions: { id: string }[] }[];
}

test('indlæsning: en Windows-1252-fil nævnes som sådan, og et møde under et andet id kræver et valg', async ({ page, demoHarness }) => {
  await page.goto(demoHarness.url);
  await menu(page).getByRole('button', { name: 'Indstillinger' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Gem hele arkivet som udvekslingsfil' }).click();
  const text = await readFile(await (await download).path(), 'utf8');
  const input = page.getByLabel('Indlæs udvekslingsfil …');

  await input.setInputFiles({ name: 'rettet.json', mimeType: 'application/json', buffer: windows1252(text) });
  await expect(page.getByRole('alert')).toContainText('Filen ser ud til at være gemt som Windows-1252 (Latin-1), ikke UTF-8');

  // The upcoming meeting as planned on another laptop: same forum, start and title, every id new.
  const upcoming = (JSON.parse(text) as FileShape).meetings.find((m) => m.status === 'planlagt');
  if (!upcoming) throw new Error('Demoen mangler et kommende møde.');
  let copy = text;
  [upcoming.id, ...upcoming.items.map((i) => i.id), ...upcoming.actions.map((a) => a.id)].forEach((id, i) => {
    copy = copy.replaceAll(id, `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`);
  });
  const copyFile = { name: 'kopi.json', mimeType: 'application/json', buffer: Buffer.from(copy, 'utf8') };

  await input.setInputFiles(copyFile);
  const dialog = page.getByRole('dialog', { name: 'Mødet findes allerede' });
  await expect(dialog).toContainText(`Arkivet har allerede mødet «${upcoming.title}»`);
  await expect(dialog).toContainText(`(id ${upcoming.id.slice(0, 8)}…)`);
  await expect(dialog).toContainText('under et andet id (00000000…)');
  await expect(dialog.getByRole('button', { name: 'Indlæs ikke' })).toBeFocused();
  await expectAccessible(page, 'Indlæsning: mødet findes allerede');
  await dialog.getByRole('button', { name: 'Indlæs ikke' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('alert')).toHaveText('kopi.json blev ikke indlæst. Arkivet er uændret.');

  await input.setInputFiles(copyFile);
  await dialog.getByRole('button', { name: 'Behold begge møder' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status')).toContainText('kopi.json er indlæst: 1 fora og 2 møder');

  await menu(page).getByRole('button', { name: 'Møder', exact: true }).click();
  await expect(page.getByRole('button', { name: new RegExp(`${upcoming.title}.*Planlagt`) })).toHaveCount(2);
});
