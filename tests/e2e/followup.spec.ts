import type { Page } from '@playwright/test';
import { expect, expectAccessible, screenshot, test } from './fixtures';
import { menu } from './thin-slice.steps';

const TILSYN = 'Sende den nye tilsynsplan til alle medarbejdere';
const PAEDAGOGER = 'Finde en løsning for pædagogernes deltagelse';

function list(page: Page) {
  return page.getByRole('list', { name: 'Handlinger' });
}

async function openAction(page: Page, what: string) {
  await list(page).getByRole('button', { name: new RegExp(what) }).click();
  const detail = page.getByRole('region', { name: what });
  await expect(detail).toBeVisible();
  return detail;
}

async function upcomingFollowUp(page: Page) {
  await menu(page).getByRole('button', { name: 'Møder', exact: true }).click();
  await page.getByRole('button', { name: /^TRIO-møde\s.*Planlagt/ }).click();
  return page.getByRole('region', { name: 'Opfølgning fra sidst' });
}

test('følger en handling over to møder (i gang, med på næste møde, udført), dropper en og deler en', async ({ page, demoHarness }) => {
  await page.goto(demoHarness.url);
  await menu(page).getByRole('button', { name: 'Opfølgning' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Opfølgning' })).toBeVisible();

  // The overdue action stands out with words and an icon, and comes first.
  const first = list(page).getByRole('listitem').first();
  await expect(first).toContainText(TILSYN);
  await expect(first).toContainText('Overskredet');
  // The demo's open actions: tilsyn (overdue), pædagogernes deltagelse, and the vikardækning proposal (i gang).
  await expect(list(page).getByRole('listitem')).toHaveCount(3);
  await screenshot(page, 'opfoelgning-oversigt');
  await expectAccessible(page, 'Opfølgning: oversigt');

  // I gang, with a dated note.
  let detail = await openAction(page, TILSYN);
  await detail.getByLabel('Ny status').selectOption({ label: 'I gang' });
  await detail.getByLabel('Note', { exact: true }).fill('Planen er sendt til teamlederne');
  await detail.getByRole('button', { name: 'Gem status' }).click();
  await expect(detail.getByRole('status')).toHaveText('Status er gemt.');
  const notes = detail.getByRole('list', { name: 'Noter' });
  await expect(notes).toContainText('Åben → I gang');
  await expect(notes).toContainText('Planen er sendt til teamlederne');
  await expect(list(page).getByRole('listitem').first()).toContainText('I gang');
  await expectAccessible(page, 'Opfølgning: handling i gang');

  // The next meeting carries it under "Opfølgning fra sidst".
  let followUp = await upcomingFollowUp(page);
  await expect(followUp).toContainText(TILSYN);
  await expect(followUp).toContainText('I gang');

  // Done: it leaves the open list and the next meeting's follow-up.
  await menu(page).getByRole('button', { name: 'Opfølgning' }).click();
  detail = await openAction(page, TILSYN);
  await detail.getByLabel('Ny status').selectOption({ label: 'Udført' });
  await detail.getByLabel('Note', { exact: true }).fill('Alle har fået planen');
  await detail.getByRole('button', { name: 'Gem status' }).click();
  await expect(list(page).getByRole('button', { name: new RegExp(TILSYN) })).toHaveCount(0);
  // The next meeting no longer follows it up, but says it was done since last time.
  followUp = await upcomingFollowUp(page);
  await expect(followUp.getByRole('list', { name: 'Opfølgning fra sidst' })).not.toContainText(TILSYN);
  await expect(followUp.getByRole('list', { name: 'Opfølgning fra sidst' })).toContainText(PAEDAGOGER);
  await expect(followUp.getByRole('list', { name: 'Udført siden sidst' })).toContainText(TILSYN);
  await expect(followUp.getByRole('list', { name: 'Udført siden sidst' })).toContainText('I gang → Udført: Alle har fået planen');

  // Split one into two smaller actions.
  await menu(page).getByRole('button', { name: 'Opfølgning' }).click();
  detail = await openAction(page, PAEDAGOGER);
  await detail.getByText('Del i mindre handlinger').click();
  await detail.getByLabel('Hvad (del 1)').fill('Spørge pædagogerne om tirsdag');
  await detail.getByLabel('Hvad (del 2)').fill('Foreslå en ny mødetid');
  await detail.getByLabel('Hvem (del 2)').fill('Mette Lund');
  await detail.getByRole('button', { name: 'Del handlingen' }).click();
  await expect(detail.getByText('Handlingen er delt i 2.')).toBeVisible();
  await expect(list(page)).toContainText('Spørge pædagogerne om tirsdag');
  await expect(list(page)).toContainText('Foreslå en ny mødetid');
  await expect(list(page).getByRole('button', { name: new RegExp(PAEDAGOGER) })).toContainText('Delt i 2');
  await screenshot(page, 'opfoelgning-delt');
  await expectAccessible(page, 'Opfølgning: delt handling');

  // Drop one: a reason is required.
  detail = await openAction(page, 'Foreslå en ny mødetid');
  await detail.getByLabel('Ny status').selectOption({ label: 'Droppet' });
  await detail.getByRole('button', { name: 'Gem status' }).click();
  await expect(detail.getByText('Skriv hvorfor handlingen droppes.')).toBeVisible();
  await expectAccessible(page, 'Opfølgning: droppet uden begrundelse');
  await detail.getByLabel('Hvorfor droppes handlingen?').fill('Mødetiden ligger fast i år');
  await detail.getByRole('button', { name: 'Gem status' }).click();
  await expect(list(page).getByRole('button', { name: /Foreslå en ny mødetid/ })).toHaveCount(0);

  // Filter on status: the dropped action with its reason.
  await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Droppet' });
  await expect(list(page).getByRole('listitem')).toHaveCount(1);
  detail = await openAction(page, 'Foreslå en ny mødetid');
  await expect(detail).toContainText('Droppet: Mødetiden ligger fast i år');

  // Filter on who, keyboard only.
  await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Alle statusser' });
  await page.getByLabel('Hvem').fill('Sara');
  await expect(list(page).getByRole('listitem')).toHaveCount(2);
  await page.getByLabel('Hvem').press('Tab');
  await screenshot(page, 'opfoelgning-filtre');
  await expectAccessible(page, 'Opfølgning: filtre');

  followUp = await upcomingFollowUp(page);
  await expect(followUp).toContainText('Spørge pædagogerne om tirsdag');
  // The dropped part is no longer followed up; only the split's history line still names it.
  await expect(followUp.getByText('Foreslå en ny mødetid', { exact: true })).toHaveCount(0);
});
