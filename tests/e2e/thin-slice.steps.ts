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

export async function buildThinSlice(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('button', { name: 'Fora' }).click();
  const forumForm = page.getByRole('form', { name: 'Nyt forum' });
  await forumForm.getByLabel('Mødetype').selectOption('trio');
  await forumForm.getByLabel('Forummets navn').fill('TRIO');
  await forumForm.getByLabel('Skole eller kommune').fill(SLICE.school);
  await forumForm.getByRole('button', { name: 'Opret forum' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'TRIO' })).toBeVisible();

  const meetingForm = page.getByRole('form', { name: 'Planlæg møde' });
  await meetingForm.getByLabel('Mødets titel').fill(SLICE.meeting);
  await meetingForm.getByLabel('Start').fill('2026-12-01T14:00');
  await meetingForm.getByLabel('Længde i minutter').fill('90');
  await meetingForm.getByLabel('Sted').fill('Mødelokale 2');
  await meetingForm.getByRole('button', { name: 'Opret møde' }).click();
  await expect(page.getByRole('heading', { level: 1, name: SLICE.meeting })).toBeVisible();
  await expect(page.getByText('tirsdag den 1. december 2026 kl. 14.00')).toBeVisible();

  const itemForm = page.getByRole('form', { name: 'Tilføj punkt' });
  await itemForm.getByLabel('Punktets titel').fill(SLICE.firstItem);
  await itemForm.getByLabel('Type').selectOption('beslutning');
  await itemForm.getByLabel('Minutter').fill('20');
  await itemForm.getByLabel('Varslet farve').selectOption('gul');
  await itemForm.getByRole('button', { name: 'Tilføj punkt' }).click();
  await expect(itemForm.getByRole('status')).toHaveText(/Punktet «Fordeling af tilsynsopgaver» er tilføjet/);

  await itemForm.getByLabel('Punktets titel').fill(SLICE.secondItem);
  await itemForm.getByLabel('Type').selectOption('droeftelse');
  await itemForm.getByLabel('Minutter').fill('25');
  await itemForm.getByRole('button', { name: 'Tilføj punkt' }).click();
  await expect(page.getByRole('heading', { level: 3, name: /Opfølgning på APV/ })).toBeVisible();
  await expect(page.getByText('Planlagt 45 af 90 minutter')).toBeVisible();

  const first = page.getByRole('article', { name: /Fordeling af tilsynsopgaver/ });
  await openTool(first, 'Registrér beslutning');
  const decisionForm = first.getByRole('form', { name: /Registrér beslutning/ });
  await expect(decisionForm.getByLabel('Farve brugt')).toHaveValue('gul');
  await decisionForm.getByLabel('Hvad blev besluttet?').fill(SLICE.decision);
  await decisionForm.getByRole('button', { name: 'Registrér beslutning' }).click();
  await expect(first.getByRole('region', { name: 'Beslutning' })).toContainText(SLICE.decision);
}

export async function expectThinSlice(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('button', { name: 'Møder' }).click();
  await page.getByRole('button', { name: new RegExp(SLICE.meeting) }).click();
  await expect(page.getByRole('heading', { level: 1, name: SLICE.meeting })).toBeVisible();
  const first = page.getByRole('article', { name: /Fordeling af tilsynsopgaver/ });
  const decision = first.getByRole('region', { name: 'Beslutning' });
  await expect(decision).toContainText(SLICE.decision);
  await expect(decision).toContainText('GU');
  await expect(decision).toContainText('Gul');
  await expect(page.getByRole('article', { name: /Opfølgning på APV/ })).toContainText('Drøftelse');
}

/** Opens a collapsible tool (decision, action) on an item unless it is already open. */
export async function openTool(item: Locator, summary: string): Promise<void> {
  const details = item.locator('details', { has: item.page().locator('summary', { hasText: summary }) });
  if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
}
