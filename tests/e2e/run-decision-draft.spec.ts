import type { Page } from '@playwright/test';
import { apiOf, expect, expectAccessible, screenshot, startMeeting, test } from './fixtures';
import { menu } from './thin-slice.steps';

const ITEM = 'Skoleudvikling og overleveringer fra udviklingsrådet';
const NEXT_ITEM = 'Omlægning af vikardækning';

async function startDemoMeeting(page: Page, url: string, button: RegExp = /Start mødet/): Promise<void> {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(url);
  await menu(page).getByRole('button', { name: 'Møder', exact: true }).click();
  await page.getByRole('button', { name: /^TRIO-møde\s.*Planlagt/ }).click();
  await startMeeting(page, button);
}

async function goToItem(page: Page, title: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Dagsordenen' }).getByRole('button', { name: new RegExp(title) }).click();
  await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible();
  // The panel appears once the item's draft is read; B and L act on it.
  await expect(page.locator('details.decision-panel')).toBeVisible();
}

const decisionForm = (page: Page) => page.getByRole('form', { name: 'Beslutning' });

test('en skrevet beslutning overlever næste punkt, et klik på et andet punkt og et lukket vindue', async ({ page, demoHarness }) => {
  test.setTimeout(90_000);
  await startDemoMeeting(page, demoHarness.url);
  await goToItem(page, ITEM);
  await page.keyboard.press('b');
  const text = 'Co-teaching afprøves i 4. årgang fra februar og evalueres i udviklingsrådet i april.';
  const dissent = 'Pædagogerne ønsker at være med i evalueringen fra start.';
  await decisionForm(page).getByLabel('Hvad blev besluttet?').fill(text);
  await decisionForm(page).getByRole('button', { name: 'Tilføj dissens' }).click();
  const first = decisionForm(page).getByRole('group', { name: 'Dissens 1' });
  await first.getByLabel('Hvem', { exact: true }).selectOption({ label: 'Sara Nielsen – TR (pædagoger)' });
  await expect(first.getByLabel('Rolle (kasket)')).toHaveValue('TR (pædagoger)');
  await first.getByLabel('Ordlyd (ordret)').fill(dissent);
  await first.getByLabel('Mindretalsudtalelse').check();

  // N and P straight after typing: the text comes back with the item.
  await page.keyboard.press('Escape');
  await page.keyboard.press('n');
  await expect(page.getByRole('heading', { level: 2, name: ITEM })).toBeHidden();
  await page.keyboard.press('p');
  await expect(page.getByRole('heading', { level: 2, name: ITEM })).toBeVisible();
  await expect(decisionForm(page).getByLabel('Hvad blev besluttet?')).toHaveValue(text);

  // Another item by click, then back.
  await goToItem(page, NEXT_ITEM);
  await goToItem(page, ITEM);
  await expect(decisionForm(page).getByLabel('Ordlyd (ordret)')).toHaveValue(dissent);

  // The window is closed and opened again: the draft is in the archive, not only in the window.
  await page.reload();
  await menu(page).getByRole('button', { name: 'Møder', exact: true }).click();
  await page.getByRole('button', { name: /^TRIO-møde\s/ }).filter({ hasText: /I gang|Planlagt/ }).first().click();
  await page.getByRole('button', { name: 'Fortsæt mødet' }).click();
  await goToItem(page, ITEM);
  await expect(decisionForm(page).getByLabel('Hvad blev besluttet?')).toHaveValue(text);
  await expect(decisionForm(page).getByLabel('Ordlyd (ordret)')).toHaveValue(dissent);
  await expect(decisionForm(page).getByLabel('Mindretalsudtalelse')).toBeChecked();
  await expect(decisionForm(page).getByLabel('Hvem', { exact: true })).toHaveValue(/.+/);
  await screenshot(page, 'afvikling-beslutning-udkast-bevaret');
  await expectAccessible(page, 'Afvikling: beslutning med gemt udkast');
});

test('oplæsningen viser præcis det, der står på skærmen, og det godkendte er det oplæste', async ({ page, demoHarness }) => {
  test.setTimeout(90_000);
  await startDemoMeeting(page, demoHarness.url);
  await goToItem(page, ITEM);
  await page.keyboard.press('b');
  const form = decisionForm(page);
  await form.getByLabel('Farve brugt').selectOption('groen');
  await form.getByLabel('Hvad blev besluttet?').fill('Co-teaching afprøves i 4. årgang fra februar.');
  await form.getByLabel('Hvem beslutter').fill('TRIO’en i fællesskab');
  await form.getByRole('button', { name: 'Gem udkast' }).click();
  await expect(page.getByText('Udkast, ikke læst op')).toBeVisible();

  // Edited after the saved draft; L reads back what is on screen now, not what was saved.
  const onScreen = 'Co-teaching afprøves i 4. årgang fra februar og evalueres i udviklingsrådet i april.';
  await form.getByLabel('Hvad blev besluttet?').fill(onScreen);
  await page.keyboard.press('Escape');
  await page.keyboard.press('l');
  const readback = page.getByRole('region', { name: 'Læses op nu' });
  await expect(readback.getByText(onScreen, { exact: true })).toBeVisible();
  await screenshot(page, 'afvikling-oplaesning-som-paa-skaermen');
  await expectAccessible(page, 'Afvikling: oplæsning');
  await readback.getByRole('button', { name: 'Alle kan genkende den – godkend' }).click();
  await expect(page.getByText('✓ Endelig')).toBeVisible();

  const stored = await storedDecision(page, demoHarness.url, ITEM);
  expect(stored.text).toBe(await form.getByLabel('Hvad blev besluttet?').inputValue());
  expect(stored.finalAt).not.toBeNull();
});

test('L uden noget at læse op siger det synligt', async ({ page, demoHarness }) => {
  test.setTimeout(60_000);
  await startDemoMeeting(page, demoHarness.url);
  // Sæt scenen: no decision panel at all.
  await expect(page.getByRole('heading', { level: 2, name: 'Sæt scenen' })).toBeVisible();
  await page.keyboard.press('l');
  await expect(page.getByRole('alert').filter({ hasText: 'Der er ingen beslutning at læse op her.' })).toBeVisible();

  // An item with an empty decision.
  await goToItem(page, ITEM);
  await page.keyboard.press('l');
  const message = decisionForm(page).getByText('Der er ingen beslutning at læse op. Skriv først, hvad der blev besluttet');
  await expect(message).toBeVisible();
  await expect(page.getByRole('region', { name: 'Læses op nu' })).toHaveCount(0);
  await screenshot(page, 'afvikling-intet-at-laese-op');
  await expectAccessible(page, 'Afvikling: intet at læse op');
});

/** The decision as the archive has it, read through the services as another window would. */
async function storedDecision(page: Page, url: string, title: string): Promise<{ text: string; finalAt: string | null }> {
  const api = apiOf(page, url);
  const forums = (await api('forums.list', {})) as unknown as { id: string }[];
  for (const forum of forums) {
    const list = (await api('meetings.list', { forumId: forum.id })) as unknown as { id: string }[];
    for (const summary of list) {
      const meeting = (await api('meetings.get', { meetingId: summary.id })) as unknown as {
        items: { title: string; decision: { text: string; finalAt: string | null } | null }[];
      };
      const item = meeting.items.find((i) => i.title === title && i.decision);
      if (item?.decision) return item.decision;
    }
  }
  throw new Error(`Ingen beslutning på «${title}»`);
}
