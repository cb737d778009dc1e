import type { Locator, Page } from '@playwright/test';
import { apiOf, expect, expectAccessible, screenshot, startMeeting, test } from './fixtures';
import { menu } from './thin-slice.steps';

const TILSYN = 'Sende den nye tilsynsplan til alle medarbejdere';
const PAEDAGOGER = 'Finde en løsning for pædagogernes deltagelse';
const FORSLAG = 'Lave et forslag til omlægning af vikardækningen';
const FRAVAER = 'Trække fraværstal for indskolingen';

function followUpPanel(page: Page) {
  return page.getByRole('region', { name: 'Handlinger at følge op på' });
}

function row(panel: Locator, what: string) {
  return panel.getByRole('list', { name: 'Handlinger at følge op på' }).getByRole('listitem').filter({ hasText: what });
}

test('opfølgning fra sidst på mødet: udført siden sidst, ikke løst med note, droppet med begrundelse, udført, og ikke løst kommer igen', async ({
  page,
  demoHarness,
}) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(demoHarness.url);
  await menu(page).getByRole('button', { name: 'Møder', exact: true }).click();
  await page.getByRole('button', { name: /^TRIO-møde\s.*Planlagt/ }).click();
  await startMeeting(page);
  await page.getByRole('navigation', { name: 'Dagsordenen' }).getByRole('button', { name: /Opfølgning fra sidst/ }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Opfølgning fra sidst' })).toBeVisible();

  const panel = followUpPanel(page);
  // Done between the meetings: shown, not silently gone.
  const done = panel.getByRole('list', { name: 'Udført siden sidst' });
  await expect(done).toContainText(FRAVAER);
  await expect(done).toContainText('Åben → Udført');
  await expect(row(panel, FRAVAER)).toHaveCount(0);

  // Ikke løst, with a note: stays open (i gang) with a dated line.
  const tilsyn = row(panel, TILSYN);
  await tilsyn.getByLabel('Note (gemmes med dato)').fill('Planen er sendt, men SFO mangler stadig sin del');
  await tilsyn.getByRole('group', { name: `Er problemet bag «${TILSYN}» løst?` }).getByRole('button', { name: 'Ikke løst' }).click();
  await expect(tilsyn.getByRole('list', { name: `Historik for «${TILSYN}»` })).toContainText('Ikke løst: Planen er sendt, men SFO mangler stadig sin del');
  await expect(tilsyn.getByRole('button', { name: 'Ikke løst' })).toHaveAttribute('aria-pressed', 'true');
  await expect(tilsyn.getByRole('button', { name: 'I gang' })).toHaveAttribute('aria-pressed', 'true');
  await expect(tilsyn.getByLabel('Note (gemmes med dato)')).toHaveValue('');

  // Droppet needs a reason, said in Danish at the field.
  const paedagoger = row(panel, PAEDAGOGER);
  await paedagoger.getByRole('button', { name: 'Droppet …' }).click();
  await paedagoger.getByRole('button', { name: 'Drop handlingen' }).click();
  await expect(paedagoger.getByText('Skriv hvorfor handlingen droppes.')).toBeVisible();
  await screenshot(page, 'afvikling-opfoelgning-droppet-uden-begrundelse');
  await expectAccessible(page, 'Afvikling: opfølgning, droppet uden begrundelse');
  await paedagoger.getByLabel('Hvorfor droppes handlingen?').fill('Pædagogerne deltager i stedet i teammødet om torsdagen');
  await paedagoger.getByRole('button', { name: 'Drop handlingen' }).click();
  await expect(paedagoger.getByRole('button', { name: 'Droppet …' })).toHaveAttribute('aria-pressed', 'true');
  // What the meeting closed stays on its list, so the room sees it.
  await expect(paedagoger).toContainText('Pædagogerne deltager i stedet i teammødet om torsdagen');

  // Udført from the status buttons.
  const forslag = row(panel, FORSLAG);
  await forslag.getByRole('group', { name: `Status for «${FORSLAG}»` }).getByRole('button', { name: 'Udført' }).click();
  await expect(forslag.getByRole('button', { name: 'Udført' })).toHaveAttribute('aria-pressed', 'true');
  await expect(forslag.getByRole('list', { name: `Historik for «${FORSLAG}»` })).toContainText('I gang → Udført');
  await expect(forslag.getByRole('status')).toContainText('Gemt kl.');
  await screenshot(page, 'afvikling-opfoelgning');
  await expectAccessible(page, 'Afvikling: opfølgning fra sidst');

  // The forum's next meeting: the problem that is not solved comes back with its history; the rest do not.
  const api = apiOf(page, demoHarness.url);
  const forums = (await api('forums.list', {})) as unknown as { id: string; name: string }[];
  const trio = forums.find((f) => f.name === 'TRIO');
  if (!trio) throw new Error('Demoens TRIO mangler');
  await api('meetings.create', { forumId: trio.id, title: 'TRIO-møde efter jul', startsAt: '2030-01-15T14:00', durationMinutes: 90 });
  await page.getByRole('button', { name: 'Til dagsordenen' }).click();
  await menu(page).getByRole('button', { name: 'Møder', exact: true }).click();
  await page.getByRole('button', { name: /^TRIO-møde efter jul/ }).click();
  const next = page.getByRole('region', { name: 'Opfølgning fra sidst' });
  const open = next.getByRole('list', { name: 'Opfølgning fra sidst' });
  await expect(open).toContainText(TILSYN);
  await expect(open).toContainText('Ikke løst: Planen er sendt, men SFO mangler stadig sin del');
  await expect(open).not.toContainText(PAEDAGOGER);
  await expect(open).not.toContainText(FORSLAG);
  await screenshot(page, 'moede-opfoelgning-ikke-loest');
  await expectAccessible(page, 'Møde: opfølgning med historik');
});
