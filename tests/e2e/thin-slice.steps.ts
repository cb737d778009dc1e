import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The foundation's thin slice, written once and run both in Chromium over the harness and in the
 * Electron app where its binary is present.
 */
export const SLICE = {
  school: 'Egeskolen',
  meeting: 'TRIO-møde december',
  firstItem: 'Fordeling af tilsynsopgaver',
  secondItem: 'Opfølgning på APV',
  decision: 'Tilsyn fordeles efter ny model fra januar; evalueres i TRIO i marts.',
};

export function menu(page: Page): Locator {
  return page.getByRole('navigation', { name: 'Hovedmenu' });
}

/** One row of the agenda list, found by the item's title. */
export function agendaRow(page: Page, title: string | RegExp): Locator {
  return page.getByRole('list').filter({ has: page.locator('.agenda-row') }).getByRole('listitem').filter({ hasText: title });
}

/** Selects an agenda item (its row's main button reads "N. Title …") and returns its editor panel. */
export async function selectItem(page: Page, title: string): Promise<Locator> {
  const escaped = title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await agendaRow(page, title).getByRole('button', { name: new RegExp(`^\\d+\\. ${escaped}`) }).click();
  const editor = page.getByRole('article', { name: /Redigér punkt/ });
  await expect(editor.getByLabel('Punktets titel')).toHaveValue(title);
  return editor;
}

export async function createForum(page: Page, name: string, school: string): Promise<void> {
  await menu(page).getByRole('button', { name: 'Fora' }).click();
  const forumForm = page.getByRole('form', { name: 'Nyt forum' });
  await forumForm.getByLabel('Mødetype').selectOption('trio');
  await forumForm.getByLabel('Forummets navn').fill(name);
  await forumForm.getByLabel('Skole eller kommune').fill(school);
  await forumForm.getByRole('button', { name: 'Opret forum' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

export async function addItem(page: Page, fields: { title: string; type: string; minutes: number; colour?: string }): Promise<void> {
  const itemForm = page.getByRole('form', { name: 'Tilføj punkt' });
  await itemForm.getByLabel('Punktets titel').fill(fields.title);
  await itemForm.getByLabel('Type').selectOption(fields.type);
  await itemForm.getByLabel('Minutter').fill(String(fields.minutes));
  if (fields.colour) await itemForm.getByLabel('Varslet farve').selectOption(fields.colour);
  await itemForm.getByRole('button', { name: 'Tilføj punkt' }).click();
  await expect(itemForm.getByRole('status')).toHaveText(new RegExp(`Punktet «${fields.title}» er tilføjet`));
}

export async function buildThinSlice(page: Page): Promise<void> {
  await createForum(page, 'TRIO', SLICE.school);

  await page.getByLabel('Start med forummets standarddagsorden').uncheck();
  const meetingForm = page.getByRole('form', { name: 'Opret møde' });
  await meetingForm.getByLabel('Mødets titel').fill(SLICE.meeting);
  await meetingForm.getByLabel('Start').fill('2026-12-01T14:00');
  await meetingForm.getByLabel('Længde i minutter').fill('90');
  await meetingForm.getByLabel('Sted').fill('Mødelokale 2');
  await meetingForm.getByRole('button', { name: 'Opret møde' }).click();
  await expect(page.getByRole('heading', { level: 1, name: SLICE.meeting })).toBeVisible();
  await expect(page.getByText('tirsdag den 1. december 2026 kl. 14.00')).toBeVisible();

  await addItem(page, { title: SLICE.firstItem, type: 'beslutning', minutes: 20, colour: 'gul' });
  await addItem(page, { title: SLICE.secondItem, type: 'droeftelse', minutes: 25 });
  await expect(agendaRow(page, SLICE.secondItem)).toContainText('kl. 14.20');
  await expect(page.getByText('Planlagt 45 af 90 minutter')).toBeVisible();

  const editor = await selectItem(page, SLICE.firstItem);
  const decisionForm = editor.getByRole('form', { name: 'Beslutning' });
  await expect(decisionForm.getByLabel('Farve brugt')).toHaveValue('gul');
  const saveDraft = decisionForm.getByRole('button', { name: 'Gem udkast' });
  await decisionForm.getByLabel('Hvad blev besluttet?').fill(SLICE.decision);
  const before = await saveDraft.boundingBox();
  // The line that says the draft was kept has its place already: the button never moves under a pointer
  // that is pressing it (a press that ends beside the button is no click, and the decision would be lost).
  await expect(decisionForm.getByRole('status').filter({ hasText: /Udkastet er gemt kl\./ })).toBeVisible();
  expect(await saveDraft.boundingBox()).toEqual(before);
  await saveDraft.click();
  await expect(editor.getByRole('region', { name: 'Beslutning' })).toContainText(SLICE.decision);
}

export async function expectThinSlice(page: Page): Promise<void> {
  await menu(page).getByRole('button', { name: 'Møder', exact: true }).click();
  await page.getByRole('button', { name: new RegExp(SLICE.meeting) }).click();
  await expect(page.getByRole('heading', { level: 1, name: SLICE.meeting })).toBeVisible();
  await expect(agendaRow(page, SLICE.secondItem)).toContainText('Drøftelse');
  const editor = await selectItem(page, SLICE.firstItem);
  const decision = editor.getByRole('region', { name: 'Beslutning' });
  await expect(decision).toContainText(SLICE.decision);
  await expect(decision).toContainText('GU');
  await expect(decision).toContainText('Gul');
}
