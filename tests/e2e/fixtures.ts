import { test as base, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { startHarness, type Harness } from './harness';
import { laptopsIn, startSharingServer, type Laptops, type SharingServer } from './sharing';

/**
 * Each test gets its own harness over its own archive file: `harness` starts empty, `demoHarness`
 * starts as a new user's first run, with the demo TRIO. For sharing, `sharingServer` is the kommune's
 * server as a process, and `laptops` opens laptops: a harness with its own archive and sync folder
 * and a browser context of its own each.
 */
export const test = base.extend<{ harness: Harness; demoHarness: Harness; sharingServer: SharingServer; laptops: Laptops }>({
  // Playwright reads fixture dependencies from this destructuring; these fixtures have none.
  // eslint-disable-next-line no-empty-pattern
  harness: async ({}, use) => {
    const harness = await startHarness();
    await use(harness);
    await harness.stop();
  },
  // eslint-disable-next-line no-empty-pattern
  demoHarness: async ({}, use) => {
    const harness = await startHarness(undefined, { demo: true });
    await use(harness);
    await harness.stop();
  },
  // eslint-disable-next-line no-empty-pattern
  sharingServer: async ({}, use) => {
    const server = await startSharingServer();
    await use(server);
    await server.stop();
  },
  laptops: async ({ browser, locale, timezoneId, viewport }, use) => {
    const laptops = laptopsIn(browser, { locale, timezoneId, viewport });
    await use(laptops);
    await laptops.closeAll();
  },
});

export { expect };

/** axe-core over the whole page; serious and critical violations fail the test with their details. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = blocking.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(report, `Tilgængelighed på skærmen «${screen}»`).toEqual([]);
}

/** The whole page from its top: scrolled down, a full-page shot draws the sticky menu where the window was. */
export async function screenshot(page: Page, name: string): Promise<void> {
  // A string, since the tests are typed without the DOM.
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
}

/** Calls the services over the harness's API, as another window would; the page must follow by itself. */
export type Api = (method: string, input: Record<string, unknown>) => Promise<Record<string, unknown>>;

export function apiOf(page: Page, url: string): Api {
  return async (method, input) => {
    const response = await page.request.post(`${url}/api/${method}`, { data: input });
    const result = (await response.json()) as { ok: boolean; value: Record<string, unknown> };
    expect(result.ok, method).toBe(true);
    return result.value;
  };
}

/**
 * Presses «Start mødet» (or the button named) on the meeting page and, when the meeting was planned for
 * another day, starts it without moving the date; the run screen is showing when this returns.
 */
export async function startMeeting(page: Page, button: RegExp | string = 'Start mødet'): Promise<void> {
  await page.getByRole('button', { name: button }).click();
  const keepDate = page.getByRole('button', { name: 'Start uden at flytte datoen' });
  const running = page.getByRole('navigation', { name: 'Dagsordenen' });
  await expect(keepDate.or(running)).toBeVisible();
  if (await keepDate.isVisible()) await keepDate.click();
  await expect(running).toBeVisible();
}
