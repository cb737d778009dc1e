import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { openArchive } from '../../electron/archive/open';
import { LATEST_SCHEMA_VERSION } from '../../electron/archive/migrations';
import { expect, test } from './fixtures';
import { newArchivePath, startHarness } from './harness';
import { menu } from './thin-slice.steps';

/**
 * Collects every text the start-up page shows, in order, as it happens: on a small archive the page
 * may pass faster than the test looks. Runs in the page (a string, as the tests are not built for the DOM).
 */
const COLLECT_START_PAGE = `
  const seen = [];
  window.seenWhileStarting = seen;
  new MutationObserver(() => {
    for (const element of document.querySelectorAll('.startup h1, .startup [role="status"], .startup progress')) {
      const text = element instanceof HTMLProgressElement ? element.getAttribute('aria-label') + ' ' + element.value + '/' + element.max : element.textContent;
      if (!seen.includes(text)) seen.push(text);
    }
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
`;

/** When the document finished loading, and when the start's question and the Oversigt's read left (page's clock). */
const WHEN_SENT = `(() => {
  const sent = (method) => performance.getEntriesByType('resource').find((entry) => entry.name.endsWith('/api/' + method))?.startTime ?? Infinity;
  return { loaded: performance.getEntriesByType('navigation')[0].domContentLoadedEventStart, startup: sent('app.startup'), overview: sent('meetings.overview') };
})()`;

test('et arkiv fra en ældre version viser sin opdatering i vinduet og åbner så Oversigten', async ({ page }) => {
  // An archive as an older version left it: schema 4, one forum.
  const dbPath = newArchivePath();
  const archive = openArchive(dbPath, { targetVersion: 4 });
  archive.db
    .prepare("INSERT INTO forum (id, kind, name, school, created_at) VALUES ('f-gammel', 'trio', 'TRIO fra før', 'Egeskolen', '2024-08-01T12:00:00.000Z')")
    .run();
  archive.close();

  await page.addInitScript({ content: COLLECT_START_PAGE });

  const harness = await startHarness(dbPath);
  try {
    await page.goto(harness.url);
    await expect(page.getByRole('heading', { level: 1, name: 'Oversigt' })).toBeVisible();
    const seen = await page.evaluate<string[]>('window.seenWhileStarting');
    expect(seen).toContain('Samtalerum opdaterer arkivet …');
    expect(seen.some((text) => text.startsWith('Opdateringen af arkivet ') && text.endsWith(`/${LATEST_SCHEMA_VERSION - 4}`))).toBe(true);
    // The backup comes first, in a worker. A page whose thread is busy as the events arrive draws only the latest
    // of them, so on a loaded machine the backup's line may pass undrawn; when it is drawn, it is before every step.
    const backup = seen.indexOf('Først tages en sikkerhedskopi af arkivet, så intet kan gå tabt.');
    const firstStep = seen.findIndex((text) => /^Trin \d+ af \d+: /.test(text) || text.startsWith('Arkivet er opdateret'));
    if (backup >= 0 && firstStep >= 0) expect(backup).toBeLessThan(firstStep);
    await expect(page.locator('.startup')).toHaveCount(0);

    await menu(page).getByRole('button', { name: 'Fora' }).click();
    await expect(page.getByRole('main')).toContainText('TRIO fra før');
    const backups = readdirSync(join(dirname(dbPath), 'sikkerhedskopier'));
    expect(backups.filter((name) => name.endsWith('-foer-migrering.sqlite'))).toHaveLength(1);
  } finally {
    await harness.stop();
  }
});

test('vinduet stiller sine første spørgsmål, før siden er tegnet, og testserveren har ingen side for en fil, der ikke findes', async ({ page, harness }) => {
  await page.goto(harness.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Oversigt' })).toBeVisible();
  // The start's question and the first screen's reads leave while the page's code runs, before the
  // document has finished loading; asked from React's first render they would leave after it.
  const timing = (await page.evaluate(WHEN_SENT)) as { loaded: number; startup: number; overview: number };
  expect(timing.startup).toBeLessThan(timing.loaded);
  expect(timing.overview).toBeLessThan(timing.loaded);
  // As the app's protocol: the browser's own request for an icon gets no copy of the page.
  expect((await page.request.get(`${harness.url}/favicon.ico`)).status()).toBe(404);
  expect((await page.request.get(`${harness.url}/`)).status()).toBe(200);
});

test('kan vinduets tegnekode ikke hentes, siger vinduet det på dansk i stedet for at stå tomt', async ({ page, harness }) => {
  // The window's entry has asked its questions; the code that draws (drawWindow.tsx) never arrives.
  await page.route(/\/assets\/drawWindow-[^/]+\.js$/, (route) => route.abort());
  await page.goto(harness.url);
  await expect(page.getByRole('alert')).toHaveText('Samtalerum kunne ikke indlæse sit vindue. Luk programmet, og åbn det igen.');
  await expect(page.getByRole('heading', { level: 1, name: 'Oversigt' })).toHaveCount(0);
});
