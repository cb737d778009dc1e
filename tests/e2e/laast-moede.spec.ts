import type { Page } from '@playwright/test';
import { apiOf, expect, expectAccessible, screenshot, test } from './fixtures';
import { readDownload } from './documents';
import { menu } from './thin-slice.steps';

interface MeetingRow {
  id: string;
  status: string;
}

/** The demo's held meeting with its referat approved by both agenda owners, through the services. */
async function approveHeldMeeting(page: Page, url: string): Promise<void> {
  const api = apiOf(page, url);
  const meetings = (await api('meetings.list', {})) as unknown as MeetingRow[];
  const held = meetings.find((m) => m.status === 'afholdt');
  if (!held) throw new Error('Demoen mangler et afholdt møde.');
  const { coOwners } = (await api('referat.get', { meetingId: held.id })) as { coOwners: { personId: string }[] };
  for (const { personId } of coOwners) await api('referat.approve', { meetingId: held.id, personId });
}

/** Presses Tab until the control named has the focus; fails when it is not reached. */
async function tabTo(page: Page, name: string): Promise<void> {
  for (let step = 0; step < 60; step++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate('document.activeElement?.getAttribute("aria-label") ?? document.activeElement?.textContent ?? ""');
    if (typeof focused === 'string' && focused.trim().startsWith(name)) return;
  }
  throw new Error(`«${name}» blev ikke nået med Tab.`);
}

test('et møde med et godkendt referat tilbyder ingen ændringer, men kan læses og hentes til Word', async ({ page, demoHarness }) => {
  await page.goto(demoHarness.url);
  await approveHeldMeeting(page, demoHarness.url);
  await menu(page).getByRole('button', { name: 'Møder', exact: true }).click();
  await page.getByRole('button', { name: /Afholdt/ }).click();

  // Why nothing can be changed, in words, under the title.
  const why = page.getByRole('region', { name: 'Mødet er låst' });
  await expect(why).toContainText('start en ny version af referatet');
  await expect(why).toContainText('sæt det på et nyt møde');
  await expect(page.getByRole('region', { name: 'Referat', exact: true })).toContainText('Godkendt og låst');

  // No control that changes the meeting's content.
  const agenda = page.getByRole('region', { name: 'Dagsorden', exact: true });
  await expect(agenda.getByRole('listitem').first()).toBeVisible();
  for (const gone of [/^Flyt «/, 'Nyt punkt', 'Tilføj punkt', 'Redigér mødet', 'Markér dagsordenen som sendt ud', /^Start mødet|^Genoptag/]) {
    await expect(page.getByRole('button', { name: gone })).toHaveCount(0);
  }
  await expect(page.getByText('Redigér mødet')).toHaveCount(0);
  await expect(page.getByText('Tilføj gæst')).toHaveCount(0);
  await expect(page.getByText('Træk et punkt for at flytte det')).toHaveCount(0);
  const participants = page.getByRole('region', { name: 'Deltagere' });
  await expect(participants.getByRole('row')).not.toHaveCount(0);
  await expect(participants.getByRole('checkbox')).toHaveCount(0);
  await expect(participants.getByRole('combobox')).toHaveCount(0);
  await expect(participants.getByRole('button')).toHaveCount(0);
  await expect(page.getByText('Vælg et punkt på dagsordenen for at læse det.')).toBeVisible();
  // No new item can come late: the rule for late items is not repeated.
  await expect(page.getByText(/^Dagsordenen blev sendt ud .*\.$/)).not.toContainText('samtykke');
  await screenshot(page, 'laast-moede');
  await expectAccessible(page, 'Låst møde');

  // From the keyboard: the Word export is reached and works, and an item opens to be read.
  await page.getByRole('heading', { level: 1 }).focus();
  await tabTo(page, 'Hent dagsorden (til udsendelse)');
  const agendaDownload = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  const agendaFile = await readDownload(await agendaDownload);
  expect(agendaFile.fileName).toMatch(/^Dagsorden TRIO .*\(delt\)\.docx$/);
  const referatDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Hent referat til deling' }).click();
  expect((await readDownload(await referatDownload)).text).toContain('Referat');

  const first = agenda.getByRole('listitem').first().getByRole('button');
  const firstTitle = (await first.textContent()) ?? '';
  await first.focus();
  // The keys that move an item do nothing on a locked agenda.
  await page.keyboard.press('Alt+ArrowDown');
  await expect(agenda.getByRole('listitem').first().getByRole('button')).toHaveText(firstTitle);
  const decided = agenda.getByRole('listitem').filter({ hasText: 'Beslutning' }).first().getByRole('button');
  await decided.focus();
  await page.keyboard.press('Enter');
  const item = page.getByRole('article');
  await expect(item.getByRole('heading', { name: /^Punkt \d+$/ })).toBeVisible();
  await expect(item.getByRole('region', { name: 'Beslutning' })).toBeVisible();
  await expect(item.getByRole('button', { name: 'Læs hele beslutningen med Fair Proces-begrundelsen' })).toBeVisible();
  for (const gone of ['Gem punktet', 'Fjern punktet', 'Tilføj handling', 'Gem udkast', /^Læs op/]) {
    await expect(item.getByRole('button', { name: gone })).toHaveCount(0);
  }
  await expect(item.getByRole('textbox')).toHaveCount(0);
  await screenshot(page, 'laast-moede-punkt');
  await expectAccessible(page, 'Låst møde med et punkt åbent');
  await item.getByRole('button', { name: 'Luk punktet' }).click();
  await expect(item).toHaveCount(0);

  // A new version of the referat opens the meeting for the correction it was started for.
  const referat = page.getByRole('region', { name: 'Referat', exact: true });
  await referat.getByText('Start en ny version').click();
  await referat.getByLabel('Hvorfor rettes referatet?').fill('Et punkt mangler sin ansvarlige');
  await referat.getByRole('button', { name: 'Start ny version' }).click();
  await expect(referat).toContainText('Version 2 · Udkast');
  await expect(why).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Nyt punkt' }).or(page.getByRole('heading', { name: 'Nyt punkt' }))).toBeVisible();
  await expect(agenda.getByRole('button', { name: /^Flyt «/ }).first()).toBeVisible();
});
