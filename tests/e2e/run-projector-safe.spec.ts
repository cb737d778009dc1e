import type { Page } from '@playwright/test';
import { addDays, format, subDays } from 'date-fns';
import { type Api, apiOf, expect, expectAccessible, screenshot, test } from './fixtures';
import { menu } from './thin-slice.steps';

const LAPTOP = { width: 1366, height: 768 };
/** The laptop's screen mirrored to a projector with the system zoomed to 150 %. */
const PROJECTOR_ZOOM = { width: 911, height: 512 };

const MEETING = 'Skoleårets TRIO-møde';
const CLOSED = {
  title: 'Omplacering af Bo Kragh efter klagesagen',
  background: 'Forældreklage over Bo Kragh i 5.B behandles af forvaltningen.',
  notes: 'Bo Kragh ønsker selv at skifte til mellemtrinnet.',
  decision: 'Bo Kragh flyttes til 4. årgang fra 1. marts efter aftale med ham.',
  dissent: 'TR (lærere): Flytningen burde vente på forvaltningens afgørelse om Bo Kragh.',
  action: 'Holde opfølgende samtale med Bo Kragh',
};
/** A closed item of the forum's last meeting, whose open action comes back under «Opfølgning fra sidst». */
const EARLIER = { title: 'Sygefravær hos Hanne Vinther', action: 'Tilbyde Hanne Vinther en fraværssamtale' };
const SECRETS = [...Object.values(CLOSED), ...Object.values(EARLIER)];

async function meetingWithClosedItem(api: Api): Promise<string> {
  const forum = await api('forums.create', { kind: 'trio', name: 'TRIO', school: 'Egeskolen' });
  const day = (date: Date) => `${format(date, 'yyyy-MM-dd')}T14:00`;
  const earlier = await api('meetings.create', { forumId: forum['id'], title: 'Forrige TRIO-møde', startsAt: day(subDays(new Date(), 30)), durationMinutes: 60 });
  const earlierItem = await api('agenda.addItem', { meetingId: earlier['id'], title: EARLIER.title, type: 'orientering', minutes: 10, confidential: true });
  await api('actions.create', { itemId: earlierItem['id'], what: EARLIER.action, who: 'Mette Lund' });

  const meeting = await api('meetings.create', { forumId: forum['id'], title: MEETING, startsAt: day(addDays(new Date(), 7)), durationMinutes: 60 });
  const add = (fields: Record<string, unknown>) => api('agenda.addItem', { meetingId: meeting['id'], minutes: 10, ...fields });
  await add({ title: 'Opfølgning på handlinger', type: 'opfoelgning' });
  const closed = await add({ title: CLOSED.title, type: 'beslutning', announcedColour: 'roed', background: CLOSED.background, confidential: true });
  await add({ title: 'Skolefesten i juni', type: 'droeftelse', announcedColour: 'groen' });
  await api('run.saveNotes', { itemId: closed['id'], notes: CLOSED.notes });
  await api('decisions.record', { itemId: closed['id'], colour: 'roed', text: CLOSED.decision, dissents: [{ text: CLOSED.dissent }] });
  await api('actions.create', { itemId: closed['id'], what: CLOSED.action, who: 'Mette Lund' });
  return String(meeting['id']);
}

/** Everything the page holds as text: the markup, what is typed in its fields, and the window's title. */
async function everything(page: Page): Promise<string> {
  const values = await page.locator('input, textarea, select').evaluateAll((fields) =>
    fields.map((f) => (f as unknown as { value: string }).value).join('\n'),
  );
  return [await page.content(), values, await page.title()].join('\n');
}

async function expectNoSecrets(page: Page, where: string): Promise<void> {
  const text = await everything(page);
  expect(SECRETS.filter((secret) => text.includes(secret)), `Fortroligt indhold på skærmen: ${where}`).toEqual([]);
}

function timeline(page: Page) {
  return page.getByRole('navigation', { name: 'Dagsordenen' });
}

const itemHeading = (page: Page) => page.locator('#item-title');

test('afviklingsskærmen skjuler lukkede punkter, når den kan ses på projektoren, og viser et punkt kun med vilje', async ({ page, harness }) => {
  test.setTimeout(120_000);
  await page.setViewportSize(LAPTOP);
  const api = apiOf(page, harness.url);
  const meetingId = await meetingWithClosedItem(api);
  await page.goto(harness.url);
  await menu(page).getByRole('button', { name: 'Møder', exact: true }).click();
  await page.getByRole('button', { name: new RegExp(`^${MEETING}\\s`) }).click();
  await page.getByRole('button', { name: 'Start mødet' }).click();
  await page.getByRole('button', { name: 'Start uden at flytte datoen' }).click();

  // Headless Chromium knows of no second display: the mode is on without being asked, and says why.
  await expect(page.getByRole('heading', { level: 2, name: 'Sæt scenen' })).toBeVisible();
  const mode = page.getByRole('checkbox', { name: 'Skærmen kan ses på projektoren' });
  await expect(mode).toBeChecked();
  await expect(mode).toHaveAccessibleDescription(/ikke viser to adskilte skærme/);
  await expect(page.locator('.today-colours')).toContainText('2. Lukket punkt');
  await expect(timeline(page).getByRole('button', { name: /^2\. Lukket punkt/ })).toBeVisible();
  await expectNoSecrets(page, 'sæt scenen');
  await screenshot(page, 'afvikling-projektorsikker-saet-scenen');

  // Opfølgning fra sidst: the action from last meeting's closed item is there, its words are not.
  await timeline(page).getByRole('button', { name: /^1\. Opfølgning på handlinger/ }).click();
  await expect(page.getByRole('region', { name: 'Handlinger at følge op på' })).toContainText('Lukket punkt');
  await expectNoSecrets(page, 'opfølgning fra sidst');

  // The closed item: masked everywhere, no notes field to type blind into, no decision or actions.
  await page.keyboard.press('n');
  await expect(itemHeading(page)).toHaveText('Lukket punkt');
  await expect(page).toHaveTitle(/Punkt 2 af 3: Lukket punkt/);
  await expect(page.getByLabel('Noter')).toHaveCount(0);
  await expect(page.getByRole('form', { name: 'Beslutning' })).toHaveCount(0);
  await expect(page.getByRole('form', { name: 'Tilføj handling' })).toHaveCount(0);
  await expect(page.getByText('Beslutning og handlinger for det lukkede punkt vises')).toBeVisible();
  await expectNoSecrets(page, 'det lukkede punkt');
  // Reading back needs the decision on the screen; the key does nothing while it is masked.
  await page.keyboard.press('l');
  await screenshot(page, 'afvikling-projektorsikker-laptop');
  await page.setViewportSize(PROJECTOR_ZOOM);
  await screenshot(page, 'afvikling-projektorsikker-projektor-zoom');
  await page.setViewportSize(LAPTOP);
  await expectAccessible(page, 'Afvikling: lukket punkt skjult');

  // Revealing is on purpose: a question first, and cancelling leaves it masked.
  const reveal = page.getByRole('button', { name: 'Vis indholdet af det lukkede punkt' });
  await reveal.click();
  const question = page.getByRole('group', { name: /Skærmen kan være synlig for alle i rummet/ });
  await expect(question).toBeVisible();
  await question.getByRole('button', { name: 'Annullér' }).click();
  await expect(reveal).toBeFocused();
  await expectNoSecrets(page, 'efter annullér');
  await reveal.click();
  await expectAccessible(page, 'Afvikling: spørgsmål før et lukket punkt vises');
  await page.getByRole('button', { name: 'Ja, vis indholdet' }).click();
  await expect(itemHeading(page)).toContainText(CLOSED.title);
  await expect(itemHeading(page)).toBeFocused();
  await expect(page.getByText(CLOSED.background)).toBeVisible();
  await expect(page.getByLabel('Noter')).toHaveValue(CLOSED.notes);
  const decision = page.getByRole('form', { name: 'Beslutning' });
  await expect(decision.getByLabel('Hvad blev besluttet?')).toHaveValue(CLOSED.decision);
  await expect(page.getByRole('region', { name: 'Handlinger' })).toContainText(CLOSED.action);
  // The other items stay masked while this one is shown.
  await expect(timeline(page).getByRole('button', { name: /^2\. / })).toContainText(CLOSED.title);
  await screenshot(page, 'afvikling-projektorsikker-vist-laptop');
  await page.setViewportSize(PROJECTOR_ZOOM);
  await screenshot(page, 'afvikling-projektorsikker-vist-projektor-zoom');
  await page.setViewportSize(LAPTOP);
  await expectAccessible(page, 'Afvikling: lukket punkt vist med vilje');

  // The projector window keeps its own rule: the item stays closed there.
  const [presenter] = await Promise.all([page.context().waitForEvent('page'), page.keyboard.press('o')]);
  await expect(presenter.getByRole('heading', { name: 'Lukket punkt' })).toBeVisible();
  await expect(presenter.locator('body')).not.toContainText(CLOSED.title);
  await presenter.close();

  // Nothing typed is lost when the item is masked and shown again.
  const addedNote = ' Hun er orienteret.';
  await page.getByLabel('Noter').press('Control+End');
  await page.getByLabel('Noter').pressSequentially(addedNote);
  await decision.getByLabel('Ordlyd (ordret)').fill('Ikke gemt endnu');
  await page.getByRole('button', { name: 'Skjul igen' }).click();
  await expect(itemHeading(page)).toHaveText('Lukket punkt');
  await expectNoSecrets(page, 'skjult igen');
  await page.getByRole('button', { name: 'Vis indholdet af det lukkede punkt' }).click();
  await page.getByRole('button', { name: 'Ja, vis indholdet' }).click();
  await expect(page.getByLabel('Noter')).toHaveValue(CLOSED.notes + addedNote);
  await expect(page.getByRole('form', { name: 'Beslutning' }).getByLabel('Ordlyd (ordret)')).toHaveValue('Ikke gemt endnu');

  // Leaving the item ends the reveal; coming back finds it masked again.
  await page.getByLabel('Noter').press('Escape');
  await page.keyboard.press('n');
  await expect(itemHeading(page)).toHaveText('Skolefesten i juni');
  await expectNoSecrets(page, 'næste punkt');
  await page.keyboard.press('p');
  await expect(itemHeading(page)).toHaveText('Lukket punkt');
  await expectNoSecrets(page, 'tilbage på det lukkede punkt');

  // Switched off, the screen is the facilitator's own: the closed item shows, marked as closed.
  await mode.uncheck();
  await expect(itemHeading(page)).toHaveText(`${CLOSED.title} (lukket)`);
  await expect(mode).toHaveAccessibleDescription('Du har valgt det for dette møde.');
  await expect(page.getByLabel('Noter')).toHaveValue(CLOSED.notes + addedNote);
  await expect(page).toHaveTitle(new RegExp(CLOSED.title));
  await expectAccessible(page, 'Afvikling: projektortilstand slået fra');

  // One key hides it all again at once (but never shows it).
  await page.locator('body').press('s');
  await expect(mode).toBeChecked();
  await expect(itemHeading(page)).toHaveText('Lukket punkt');
  await expectNoSecrets(page, 'efter genvejen S');
  await page.locator('body').press('s');
  await expect(mode).toBeChecked();

  // The choice is remembered for the meeting when the facilitator leaves the run screen and comes back.
  await mode.uncheck();
  await page.getByRole('button', { name: 'Til dagsordenen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: MEETING })).toBeVisible();
  await page.getByRole('button', { name: /Fortsæt mødet/ }).click();
  await expect(mode).not.toBeChecked();
  await expect(itemHeading(page)).toContainText(CLOSED.title);

  // The notes typed while it was shown reached the archive.
  const stored = (await api('meetings.get', { meetingId })) as unknown as { items: { title: string; notes: string }[] };
  expect(stored.items.find((i) => i.title === CLOSED.title)?.notes).toBe(CLOSED.notes + addedNote);
});
