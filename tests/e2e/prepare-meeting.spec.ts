import { expect, expectAccessible, screenshot, test } from './fixtures';
import { readDownload } from './documents';
import { addItem, agendaRow, createForum, menu, selectItem } from './thin-slice.steps';

const SCHOOL = 'Lindeskolen';
const CONFIDENTIAL = 'Personalesag: langtidssygemelding';
const CONFIDENTIAL_BACKGROUND = 'Drøftelse af en konkret medarbejders tilbagevenden.';
const SENSITIVE = 'Omlægning af vikardækning';

test('TRIO’en forbereder et møde: spilleregler, roller, fem punkter, forvarsel og dagsorden i Word', async ({ page, harness }) => {
  await page.goto(harness.url);
  await createForum(page, 'TRIO', SCHOOL);

  // Spilleregler: a second version, with the first still visible.
  await page.getByRole('tab', { name: 'Spilleregler' }).click();
  const rulesForm = page.getByRole('form', { name: 'Ændr spillereglerne' });
  await rulesForm.getByLabel('Spillereglerne').fill('• Vi starter og slutter til tiden.\n• Alle får ordet i en runde.\n• Ingen bomber: følsomme punkter varsles.');
  await rulesForm.getByLabel('Hvorfor ændres de?').fill('Aftalt på første møde');
  await rulesForm.getByRole('button', { name: 'Gem som version 2' }).click();
  await expect(page.getByRole('region', { name: 'Gældende spilleregler' })).toContainText('Version 2');
  await expect(page.getByRole('region', { name: 'Gældende spilleregler' })).toContainText('Vi starter og slutter til tiden.');
  await expect(page.getByRole('region', { name: 'Tidligere versioner' })).toContainText('Version 1');
  await screenshot(page, 'forum-spilleregler-v2');
  await expectAccessible(page, 'Forum: spilleregler');

  // Roller: skoleleder (mødeleder) and TR.
  await page.getByRole('tab', { name: 'Roller' }).click();
  const addPerson = page.getByRole('form', { name: 'Tilføj person' });
  for (const [name, role, chair] of [
    ['Mette Lund', 'Skoleleder', true],
    ['Jonas Holm', 'TR (lærere)', false],
    ['Ali Hassan', 'AMR', false],
  ] as const) {
    await addPerson.getByLabel('Navn').fill(name);
    await addPerson.getByLabel('Rolle (kasket)').fill(role);
    await addPerson.getByLabel('Har rollen fra').fill('2026-08-01');
    if (chair) await addPerson.getByLabel('Mødeleder').check();
    await addPerson.getByRole('button', { name: 'Tilføj person' }).click();
    await expect(page.getByRole('region', { name: 'Nuværende roller' })).toContainText(name);
  }
  await expectAccessible(page, 'Forum: roller');

  // Plan the meeting without the default agenda, then build five items.
  await page.getByRole('tab', { name: 'Overblik' }).click();
  await page.getByLabel('Start med forummets standarddagsorden').uncheck();
  const meetingForm = page.getByRole('form', { name: 'Opret møde' });
  await meetingForm.getByLabel('Mødets titel').fill('TRIO-møde december');
  await meetingForm.getByLabel('Start').fill('2026-12-08T14:00');
  await meetingForm.getByLabel('Længde i minutter').fill('90');
  await meetingForm.getByLabel('Sted').fill('Personalerummet');
  await meetingForm.getByRole('button', { name: 'Opret møde' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'TRIO-møde december' })).toBeVisible();

  await addItem(page, { title: 'Velkommen og spilleregler', type: 'orientering', minutes: 5 });
  await addItem(page, { title: 'Tilsyn i frikvartererne', type: 'beslutning', minutes: 20, colour: 'gul' });
  await addItem(page, { title: SENSITIVE, type: 'droeftelse', minutes: 20 });
  await addItem(page, { title: CONFIDENTIAL, type: 'orientering', minutes: 10 });
  await addItem(page, { title: 'Eventuelt', type: 'eventuelt', minutes: 5 });

  // Mark item 3 as needing forvarsel and item 4 as confidential.
  let editor = await selectItem(page, SENSITIVE);
  await editor.getByLabel(/Kræver forvarsel/).check();
  await editor.getByRole('button', { name: 'Gem punktet' }).click();
  await expect(agendaRow(page, SENSITIVE)).toContainText('Forvarsel mangler');
  editor = await selectItem(page, CONFIDENTIAL);
  await editor.getByLabel(/Lukket punkt/).check();
  await editor.getByLabel('Baggrund').fill(CONFIDENTIAL_BACKGROUND);
  await editor.getByRole('button', { name: 'Gem punktet' }).click();
  await expect(agendaRow(page, CONFIDENTIAL)).toContainText('Lukket punkt');

  // Reorder from the keyboard: Eventuelt stays last, the confidential item moves before item 3.
  await agendaRow(page, CONFIDENTIAL).getByRole('button', { name: new RegExp(`^4\\. ${CONFIDENTIAL}`) }).press('Alt+ArrowUp');
  await expect(agendaRow(page, CONFIDENTIAL)).toContainText('3.');
  await expect(agendaRow(page, SENSITIVE)).toContainText('4.');
  await expect(page.getByText('Planlagt 60 af 90 minutter')).toBeVisible();

  // Participants came from the forum's roles; the AMR sends afbud.
  await page.getByLabel('Fremmøde for Ali Hassan').selectOption('afbud');
  await expect(page.getByLabel('Fremmøde for Ali Hassan')).toHaveValue('afbud');
  await expect(page.getByLabel('Mette Lund er facilitator')).toBeChecked();
  await screenshot(page, 'dagsorden-fem-punkter');
  await expectAccessible(page, 'Dagsorden med advarsel');

  // The version sent out: confidential content nowhere in the file.
  const sharedDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Hent dagsorden (til udsendelse)' }).click();
  const shared = await readDownload(await sharedDownload);
  expect(shared.fileName).toBe('Dagsorden TRIO 2026-12-08 (delt).docx');
  expect(shared.text).toContain('tirsdag den 8. december 2026');
  expect(shared.text).toContain('kl. 14.00–15.30');
  expect(shared.text).toContain('Personalerummet');
  expect(shared.text).toContain('Mette Lund');
  expect(shared.text).toMatch(/Afbud:\s*Ali Hassan/);
  expect(shared.text).toContain('Lukket punkt');
  expect(shared.text).toMatch(/GU\sGul/);
  expect(shared.text).toContain(SENSITIVE);
  expect(shared.allXml).not.toContain('Personalesag');
  expect(shared.allXml).not.toContain('tilbagevenden');
  expect(shared.allXml).not.toContain('FORTROLIGT');

  // The full version for the co-owners has everything and says so.
  const fullDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Hent fuld dagsorden (fortrolig)' }).click();
  const full = await readDownload(await fullDownload);
  expect(full.text).toContain(CONFIDENTIAL);
  expect(full.text).toContain(CONFIDENTIAL_BACKGROUND);
  expect(full.allXml).toContain('FORTROLIGT');

  // Forvarsel given: the warning goes. Agenda sent: a late item needs consent.
  editor = await selectItem(page, SENSITIVE);
  await editor.getByLabel('Note om forvarslet (fx hvem der blev orienteret)').fill('TR orienteret mandag');
  await editor.getByRole('button', { name: 'Bekræft at forvarsel er givet' }).click();
  await expect(agendaRow(page, SENSITIVE)).not.toContainText('Forvarsel mangler');
  await expect(agendaRow(page, SENSITIVE)).toContainText('Forvarsel givet');

  await page.getByRole('button', { name: 'Markér dagsordenen som sendt ud' }).click();
  await expect(page.getByText(/Dagsordenen blev sendt ud/)).toBeVisible();
  await page.getByRole('button', { name: 'Nyt punkt' }).click();
  await addItem(page, { title: 'Budget for indkøb', type: 'orientering', minutes: 5 });
  await expect(agendaRow(page, 'Budget for indkøb')).toContainText('kræver samtykke');
  editor = await selectItem(page, 'Budget for indkøb');
  await editor.getByLabel('Hvem gav samtykke?').fill('Jonas Holm (TR)');
  await editor.getByRole('button', { name: 'Registrér samtykke' }).click();
  await expect(agendaRow(page, 'Budget for indkøb')).not.toContainText('kræver samtykke');
  await expect(agendaRow(page, 'Budget for indkøb')).toContainText('Sent punkt, samtykke fra Jonas Holm (TR)');
  await expect(editor).toContainText('Samtykke fra Jonas Holm (TR)');
  await screenshot(page, 'dagsorden-efter-udsendelse');
  await expectAccessible(page, 'Dagsorden efter udsendelse');
});

test('første start viser en demo-TRIO, som kan udforskes og fjernes', async ({ page, demoHarness }) => {
  await page.goto(demoHarness.url);
  await menu(page).getByRole('button', { name: 'Fora' }).click();
  await page.getByRole('main').getByRole('button', { name: /Bøgely Skole/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /TRIO/ })).toBeVisible();
  await page.getByRole('tab', { name: 'Årshjul' }).click();
  await expect(page.getByRole('img', { name: /Årshjul for skoleåret/ })).toBeVisible();
  await screenshot(page, 'demo-aarshjul');
  await expectAccessible(page, 'Demo: årshjul');

  await page.getByRole('tab', { name: 'Overblik' }).click();
  await page.getByRole('button', { name: /TRIO-møde/ }).first().click();
  await expect(page.getByRole('region', { name: 'Opfølgning fra sidst' })).not.toContainText('Ingen åbne handlinger');
  await expect(agendaRow(page, 'Omlægning af vikardækning')).toContainText('Forvarsel givet');
  await expect(agendaRow(page, 'Omlægning af vikardækning')).not.toContainText('Forvarsel mangler');
  await screenshot(page, 'demo-kommende-moede');
  await expectAccessible(page, 'Demo: kommende møde');

  await menu(page).getByRole('button', { name: 'Fora' }).click();
  await page.getByRole('main').getByRole('button', { name: /Bøgely Skole/ }).click();
  await page.getByRole('button', { name: 'Fjern demoen' }).click();
  await page.getByRole('button', { name: 'Ja, fjern demoen' }).click();
  await expect(page.getByText(/Der er endnu ingen fora/)).toBeVisible();
});
