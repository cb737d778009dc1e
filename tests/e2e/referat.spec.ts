import { expect, expectAccessible, screenshot, test } from './fixtures';
import { readDownload } from './documents';
import { menu } from './thin-slice.steps';

test('dagsordensejerne godkender referatet af et afholdt møde, og begge versioner hentes og læses', async ({ page, demoHarness }) => {
  await page.goto(demoHarness.url);
  await expect(page.getByRole('region', { name: 'Referater der venter på godkendelse' })).toContainText('TRIO-møde');
  await menu(page).getByRole('button', { name: 'Møder', exact: true }).click();
  await page.getByRole('button', { name: /Afholdt/ }).click();

  const referat = page.getByRole('region', { name: 'Referat' });
  await expect(referat).toContainText('Version 1 · Udkast');
  await referat.getByRole('button', { name: /Godkend som Mette Lund/ }).click();
  await expect(referat).toContainText('Godkendt af Mette Lund');
  await expectAccessible(page, 'Referat: halvt godkendt');
  await referat.getByRole('button', { name: /Godkend som Jonas Holm/ }).click();
  await expect(referat).toContainText('Godkendt og låst');
  await screenshot(page, 'referat-godkendt');
  await expectAccessible(page, 'Referat: godkendt');

  const sharedDownload = page.waitForEvent('download');
  await referat.getByRole('button', { name: 'Hent referat til deling' }).click();
  const shared = await readDownload(await sharedDownload);
  expect(shared.fileName).toMatch(/^Referat TRIO \d{4}-\d{2}-\d{2} \(delt\)\.docx$/);
  expect(shared.text).toContain('Referat');
  expect(shared.text).toMatch(/Version 1/);
  expect(shared.text).toContain('Mette Lund');
  expect(shared.text).toContain('Lukket punkt');
  expect(shared.text).toContain('Pædagogerne kan ikke deltage tirsdag');
  expect(shared.allXml).not.toContain('Personalesag');
  expect(shared.allXml).not.toContain('FORTROLIGT');

  const fullDownload = page.waitForEvent('download');
  await referat.getByRole('button', { name: 'Hent fuldt referat (fortroligt)' }).click();
  const full = await readDownload(await fullDownload);
  expect(full.text).toContain('Personalesag i indskolingen');
  expect(full.allXml).toContain('FORTROLIGT');

  await referat.getByRole('button', { name: 'Vis personaleresumé som tekst' }).click();
  const text = referat.getByLabel(/Tekst til nyhedsbrev/);
  await expect(text).toHaveValue(/Tilsynet fordeles på faste zoner/);
  await expect(text).not.toHaveValue(/Personalesag/);

  // A locked referat: changes need a new version with a reason.
  await referat.getByText('Start en ny version').click();
  await referat.getByRole('button', { name: 'Start ny version' }).click();
  await expect(referat.getByText('Begrundelsen for den nye version skal udfyldes.')).toBeVisible();
  await referat.getByLabel('Hvorfor rettes referatet?').fill('Stavefejl i beslutningen om tilsyn');
  await referat.getByRole('button', { name: 'Start ny version' }).click();
  await expect(referat).toContainText('Version 2 · Udkast');
  await expectAccessible(page, 'Referat: ny version');

  // The meeting as an exchange file, read back into the same archive: nothing is duplicated.
  const exchangeDownload = page.waitForEvent('download');
  await referat.getByRole('button', { name: 'Gem mødet som udvekslingsfil (med lukkede punkter, fortroligt)' }).click();
  const file = await (await exchangeDownload).path();
  await menu(page).getByRole('button', { name: 'Indstillinger' }).click();
  await page.getByLabel('Indlæs udvekslingsfil …').setInputFiles(file);
  await expect(page.getByRole('status')).toContainText(/indlæst: 1 fora og 1 møder \(0 nye rækker/);
  await expectAccessible(page, 'Indstillinger med udvekslingsfil');
});
