import type { Page } from '@playwright/test';
import { addDays, format, subDays } from 'date-fns';
import { da } from 'date-fns/locale';
import { expect, expectAccessible, screenshot, test } from './fixtures';
import { addItem, agendaRow, menu, selectItem } from './thin-slice.steps';

const SCHOOL = 'Egeskolen';
const RAISED = 'Vikardækning i indskolingen';
const LATER = 'Omlægning af vikardækning';
const DECISION = 'Vikardækningen samles hos to faste vikarer fra januar.';
/** A month ago in the udviklingsråd (held), two weeks ahead in the TRIO (coming), whenever the test runs. */
const RAISED_ON = subDays(new Date(), 28);
const LATER_ON = addDays(new Date(), 14);
const at = (date: Date, time: string) => `${format(date, 'yyyy-MM-dd')}T${time}`;
const short = (date: Date) => format(date, 'd. MMM yyyy', { locale: da });

async function forumWithMeeting(page: Page, kind: string, name: string, meeting: string, startsAt: string): Promise<void> {
  await menu(page).getByRole('button', { name: 'Fora' }).click();
  const forumForm = page.getByRole('form', { name: 'Nyt forum' });
  await forumForm.getByLabel('Mødetype').selectOption(kind);
  await forumForm.getByLabel('Forummets navn').fill(name);
  await forumForm.getByLabel('Skole eller kommune').fill(SCHOOL);
  await forumForm.getByRole('button', { name: 'Opret forum' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await page.getByLabel('Start med forummets standarddagsorden').uncheck();
  const meetingForm = page.getByRole('form', { name: 'Opret møde' });
  await meetingForm.getByLabel('Mødets titel').fill(meeting);
  await meetingForm.getByLabel('Start').fill(startsAt);
  await meetingForm.getByLabel('Længde i minutter').fill('90');
  await meetingForm.getByRole('button', { name: 'Opret møde' }).click();
  await expect(page.getByRole('heading', { level: 1, name: meeting })).toBeVisible();
}

test('et punkt i TRIO’en knyttes til udviklingsrådets punkt, og sagens forløb vises på tværs af fora', async ({ page, harness }) => {
  await page.goto(harness.url);

  // Raised and decided in the udviklingsråd, with an action.
  await forumWithMeeting(page, 'udviklingsraad', 'Udviklingsrådet', 'Udviklingsråd', at(RAISED_ON, '15:00'));
  await addItem(page, { title: RAISED, type: 'beslutning', minutes: 20, colour: 'gul' });
  let editor = await selectItem(page, RAISED);
  const decisionForm = editor.getByRole('form', { name: 'Beslutning' });
  await decisionForm.getByLabel('Hvad blev besluttet?').fill(DECISION);
  await decisionForm.getByRole('button', { name: 'Læs op for alle' }).click();
  await editor.getByRole('button', { name: 'Alle kan genkende den – godkend' }).click();
  await expect(editor.getByText('✓ Endelig')).toBeVisible();
  const actionForm = editor.getByRole('form', { name: 'Tilføj handling' });
  await actionForm.getByLabel('Hvad').fill('Finde to faste vikarer');
  await actionForm.getByLabel('Hvem', { exact: true }).fill('Mette Lund');
  await actionForm.getByRole('button', { name: 'Tilføj handling' }).click();
  await expect(editor.getByText('Finde to faste vikarer')).toBeVisible();

  // Taken up in the TRIO a month later and linked to it from the item editor.
  await forumWithMeeting(page, 'trio', 'TRIO', 'TRIO-møde', at(LATER_ON, '14:00'));
  await addItem(page, { title: LATER, type: 'beslutning', minutes: 15, colour: 'gul' });
  editor = await selectItem(page, LATER);
  const sag = editor.getByRole('region', { name: 'Sag' });
  await sag.getByText('Knyt til et tidligere punkt').click();
  const candidates = sag.getByRole('list', { name: 'Tidligere punkter' });
  await expect(candidates.getByRole('listitem')).toHaveCount(1);
  await sag.getByLabel('Søg i tidligere punkter').fill('INDSKOL');
  await expect(candidates.getByRole('listitem')).toContainText([`Udviklingsrådet · ${short(RAISED_ON)} · beslutning`]);
  await sag.getByLabel('Søg i tidligere punkter').fill('ingen sådan titel');
  await expect(sag.getByRole('status')).toHaveText('Ingen tidligere punkter passer.');
  await sag.getByLabel('Søg i tidligere punkter').fill('vikar');
  await expect(candidates.getByRole('listitem')).toHaveCount(1);
  await screenshot(page, 'sag-knyt-punkt');
  await sag.screenshot({ path: 'test-results/screens/sag-knyt-punkt-udsnit.png' });
  await expectAccessible(page, 'Punkt: knyt til et tidligere punkt');
  await candidates.getByRole('button', { name: `Knyt til «${RAISED}» (Udviklingsrådet, ${short(RAISED_ON)})` }).click();
  await expect(sag.getByText(`Punktet er knyttet til sagen «${RAISED}».`)).toBeVisible();
  await expect(sag.getByText(`Del af sagen «${RAISED}» (2 punkter)`)).toBeVisible();
  await expect(sag.getByRole('button', { name: 'Vis sagens forløb' })).toBeFocused();
  await sag.screenshot({ path: 'test-results/screens/sag-knyttet-udsnit.png' });

  // The timeline: both forums, in meeting order, with where the matter stands.
  await sag.getByRole('button', { name: 'Vis sagens forløb' }).click();
  await expect(page.getByRole('heading', { level: 1, name: RAISED })).toBeVisible();
  await expect(page.getByText(`2 punkter i 2 fora · ${short(RAISED_ON)} – ${short(LATER_ON)}`)).toBeVisible();
  const journey = page.getByRole('list', { name: 'Sagens vej' }).getByRole('listitem');
  const raisedOn = short(RAISED_ON);
  await expect(journey).toHaveText([`✓Rejst første gang${raisedOn}`, `✓Drøftet${raisedOn}`, `✓Besluttet${raisedOn}`, '○Fulgt opEndnu ikke']);
  const entries = page.locator('.sag-timeline > li');
  await expect(entries).toHaveCount(2);
  await expect(entries.nth(0)).toContainText('Udviklingsrådet');
  await expect(entries.nth(0).getByRole('heading', { level: 3 })).toHaveText(RAISED);
  await expect(entries.nth(0).getByRole('list', { name: `Trin for «${RAISED}»` }).getByRole('listitem')).toHaveText(['Rejst første gang', 'Besluttet']);
  await expect(entries.nth(0)).toContainText(DECISION);
  await expect(entries.nth(0)).toContainText('GUGul');
  await expect(entries.nth(0)).toContainText('Finde to faste vikarer — Mette Lund · Status: Åben');
  await expect(entries.nth(1)).toContainText('TRIO');
  await expect(entries.nth(1)).toContainText('Kommende møde');
  await expect(entries.nth(1).getByRole('list', { name: `Trin for «${LATER}»` }).getByRole('listitem')).toHaveText(['På dagsordenen']);
  await screenshot(page, 'sag-forloeb');
  await expectAccessible(page, 'Sagens forløb');

  // A shorter name for the sag, checked at the field when empty.
  const rename = page.getByRole('form', { name: 'Sagens titel' });
  await rename.getByLabel('Sagens titel').fill('   ');
  await rename.getByRole('button', { name: 'Gem titlen' }).click();
  await expect(rename.getByText('Sagens titel skal udfyldes.')).toBeVisible();
  await rename.getByLabel('Sagens titel').fill('Vikardækning');
  await rename.getByRole('button', { name: 'Gem titlen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Vikardækning' })).toBeVisible();
  await expect(rename.getByRole('status')).toHaveText('Sagens titel er gemt.');

  // The decision register names the sag and opens its timeline; the meeting is one click away from there.
  await menu(page).getByRole('button', { name: 'Arkiv' }).click();
  const row = page.getByRole('list', { name: 'Beslutninger' }).getByRole('listitem').filter({ hasText: RAISED });
  await expect(row.getByRole('button', { name: /^Åbn mødet Udviklingsråd,/ })).toBeVisible();
  await row.screenshot({ path: 'test-results/screens/sag-i-beslutningsloggen.png' });
  await expectAccessible(page, 'Beslutningslog med sag');
  await row.getByRole('button', { name: 'Sag: Vikardækning – vis sagens forløb' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Vikardækning' })).toBeVisible();
  await entries.nth(1).getByRole('button', { name: /^Åbn mødet TRIO-møde,/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'TRIO-møde' })).toBeVisible();

  // Taken out again: a sag of one item is dissolved.
  editor = await selectItem(page, LATER);
  await editor.getByRole('region', { name: 'Sag' }).getByRole('button', { name: 'Fjern fra sagen' }).click();
  await expect(editor.getByText('Punktet er taget ud, og sagen er opløst, fordi den kun havde ét punkt tilbage.')).toBeVisible();
  await expect(agendaRow(page, LATER)).toBeVisible();
  await expect(editor.getByText('Knyt til et tidligere punkt')).toBeVisible();
});

test('demoen viser en sag: vikardækningen fra det afholdte møde til det kommende', async ({ page, demoHarness }) => {
  await page.goto(demoHarness.url);
  await menu(page).getByRole('button', { name: 'Møder', exact: true }).click();
  await page.getByRole('button', { name: /^TRIO-møde\s.*Planlagt/ }).click();
  const editor = await selectItem(page, LATER);
  const sag = editor.getByRole('region', { name: 'Sag' });
  await expect(sag.getByText('Del af sagen «Vikardækning» (2 punkter)')).toBeVisible();
  await sag.getByRole('button', { name: 'Vis sagens forløb' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Vikardækning' })).toBeVisible();
  const entries = page.locator('.sag-timeline > li');
  await expect(entries).toHaveCount(2);
  await expect(entries.nth(0)).toContainText('Rejst første gang');
  await expect(entries.nth(0)).toContainText('Besluttet');
  await expect(entries.nth(0)).toContainText('Ledelsen vil samle vikartimerne hos faste vikarer.');
  await expect(entries.nth(0)).toContainText('Forslaget er vendt med teamkoordinatorerne.');
  await expect(entries.nth(1)).toContainText('På dagsordenen');
  await screenshot(page, 'sag-forloeb-demo');
  await expectAccessible(page, 'Demoens sag');
});
