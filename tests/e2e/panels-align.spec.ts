import type { Locator, Page } from '@playwright/test';
import { expect, screenshot, test } from './fixtures';
import { menu } from './thin-slice.steps';

/** Boxes of the panels that stand side by side in one row (same top) of a grid. */
async function rows(panels: Locator): Promise<{ top: number; bottom: number }[][]> {
  const byTop = new Map<number, { top: number; bottom: number }[]>();
  for (const panel of await panels.all()) {
    const box = await panel.boundingBox();
    if (!box) continue;
    const top = Math.round(box.y);
    byTop.set(top, [...(byTop.get(top) ?? []), { top, bottom: Math.round(box.y + box.height) }]);
  }
  return [...byTop.values()];
}

async function expectRowsAligned(page: Page, panelSelector: string, name: string): Promise<void> {
  const panels = page.locator(panelSelector);
  await expect(panels.first()).toBeVisible();
  const found = await rows(panels);
  expect(found.some((row) => row.length > 1), `${name}: ingen paneler side om side`).toBe(true);
  for (const row of found) {
    const bottoms = new Set(row.map((box) => box.bottom));
    expect(bottoms.size, `${name}: paneler i samme række slutter i forskellig højde`).toBe(1);
  }
  await screenshot(page, `paneler-${name}`);
}

test('paneler side om side på Oversigt, Farvekode og Årshjul står lige høje', async ({ page, demoHarness }) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto(demoHarness.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Oversigt' })).toBeVisible();
  await expectRowsAligned(page, '.three-columns > .panel', 'oversigt');

  await menu(page).getByRole('button', { name: 'Fora' }).click();
  await page.getByRole('button', { name: /TRIO/ }).first().click();
  await page.getByRole('tab', { name: 'Farvekode' }).click();
  await expectRowsAligned(page, '.colour-grid > .panel', 'farvekode');
  await page.getByRole('tab', { name: 'Årshjul' }).click();
  await expect(page.locator('.year-list')).toBeVisible();
  await expectRowsAligned(page, '.year-wheel-body > *', 'aarshjul');
  await expectRowsAligned(page, '.two-columns.one-row > .panel', 'aarshjul-temaer');
});
