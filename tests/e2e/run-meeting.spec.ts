import type { Page } from '@playwright/test';
import { expect, expectAccessible, screenshot, test } from './fixtures';
import { menu } from './thin-slice.steps';

const LAPTOP = { width: 1366, height: 768 };
const PROJECTOR = { width: 1280, height: 720 };

function timeline(page: Page) {
  return page.getByRole('navigation', { name: 'Dagsordenen' });
}

async function goToItem(page: Page, title: string) {
  await timeline(page).getByRole('button', { name: new RegExp(title) }).click();
  await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible();
}

test('en hel TRIO-afvikling fra demoen med runde, overskridelse, beslutninger, handlinger, projektor og check-out', async ({
  page,
  demoHarness,
}) => {
  // Eight items, two windows and six accessibility checks: on a loaded machine this takes a while.
  test.setTimeout(180_000);
  await page.setViewportSize(LAPTOP);
  // The browser's clock can be moved forward, so an item can run over its time box without waiting.
  await page.clock.install();
  await page.goto(demoHarness.url);
  await menu(page).getByRole('button', { name: 'Møder', exact: true }).click();
  await page.getByRole('button', { name: /^TRIO-møde\s.*Planlagt/ }).click();
  await page.getByRole('button', { name: 'Start mødet' }).click();
  // The demo's next meeting is next week: start it today without moving it.
  await page.getByRole('button', { name: 'Start uden at flytte datoen' }).click();

  // Sæt scenen.
  await expect(page.getByRole('heading', { level: 2, name: 'Sæt scenen' })).toBeVisible();
  await expect(page.getByText('Følge op på tilsyn og forberedelsestid')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Farvekoden for beslutninger' })).toBeVisible();
  await screenshot(page, 'afvikling-saet-scenen-laptop');
  await expectAccessible(page, 'Afvikling: sæt scenen');

  // The projector follows the facilitator.
  const [presenter] = await Promise.all([page.context().waitForEvent('page'), page.getByRole('button', { name: /Åbn projektorvisning/ }).click()]);
  await presenter.setViewportSize(PROJECTOR);
  await expect(presenter.getByText('TRIO-møde').first()).toBeVisible();
  await screenshot(presenter, 'projektor-saet-scenen');
  await expectAccessible(presenter, 'Projektor: sæt scenen');

  // Item 3: a round where everyone gets a turn; notes and an action.
  await goToItem(page, 'Arbejdsvilkår og arbejdsmiljø');
  await expect(presenter.getByRole('heading', { name: 'Arbejdsvilkår og arbejdsmiljø' })).toBeVisible();
  await page.getByLabel('Vælg hvordan punktet drøftes').selectOption('runde');
  const round = page.getByRole('group', { name: 'Runden: alle får ordet' });
  const people = round.getByRole('checkbox');
  // The demo TRIO: skoleleder, two TRs and the AMR, all attending.
  await expect(people).toHaveCount(4);
  const count = 4;
  for (let i = 0; i < count; i += 1) await people.nth(i).check();
  await expect(round.getByRole('status')).toHaveText(`${count} af ${count} har haft ordet`);
  await page.getByLabel('Noter').fill('Travlhed i december. Teamene ønsker færre møder i januar.');
  await expect(page.getByText(/Gemt kl\./)).toBeVisible();
  const itemActions = page.getByRole('form', { name: 'Tilføj handling' }).first();
  await itemActions.getByLabel('Hvad').fill('Lave mødefri uge i januar');
  await itemActions.getByLabel('Hvem').fill('Mette Lund');
  await itemActions.getByRole('button', { name: 'Tilføj handling' }).click();
  await expect(page.getByRole('region', { name: 'Handlinger' })).toContainText('Lave mødefri uge i januar');
  await screenshot(page, 'afvikling-runde-laptop');
  await expectAccessible(page, 'Afvikling: punkt med runde');

  // Item 4: runs over its time box; take five minutes from the last item.
  await goToItem(page, 'Skoleudvikling og overleveringer fra udviklingsrådet');
  await page.getByRole('button', { name: /Start tid/ }).click();
  await expect(page.getByRole('button', { name: /Pause/ })).toBeVisible();
  await page.clock.fastForward('16:30');
  const overrun = page.getByRole('region', { name: /Tiden er gået/ });
  await expect(overrun).toBeVisible();
  await expect(page.getByRole('timer')).toHaveAccessibleName(/\+01:3\d \+1:3\d over tiden/);
  const take = overrun.getByRole('form', { name: 'Tag tid fra et senere punkt' });
  await take.getByLabel('Fra punkt').selectOption({ label: '8. Omlægning af vikardækning (15 min.)' });
  await take.getByLabel('Minutter').fill('5');
  await expect(take.getByRole('status')).toContainText('Mødet slutter stadig kl.');
  await screenshot(page, 'afvikling-overskridelse-laptop');
  await expectAccessible(page, 'Afvikling: overskridelse');
  await take.getByRole('button', { name: 'Flyt minutterne' }).click();
  await expect(page.getByRole('timer')).toHaveAccessibleName(/tilbage af 20 min\./);
  await expect(timeline(page).getByRole('button', { name: /Omlægning af vikardækning/ })).toContainText('10 min.');

  // Decision with dissent, written from the keyboard shortcut, read back and approved.
  await page.locator('body').press('b');
  const decision = page.getByRole('form', { name: 'Beslutning' });
  await expect(decision.getByLabel('Hvad blev besluttet?')).toBeFocused();
  await decision.getByLabel('Farve brugt').selectOption('groen');
  await decision.getByLabel('Hvad blev besluttet?').fill('Co-teaching afprøves i 4. årgang fra februar og evalueres i udviklingsrådet i april.');
  await decision.getByLabel('Hvem beslutter').fill('TRIO’en i fællesskab');
  await decision.getByRole('button', { name: 'Tilføj dissens' }).click();
  await decision.getByLabel('Hvem', { exact: true }).selectOption({ label: 'Sara Nielsen – TR (pædagoger)' });
  await decision.getByLabel('Ordlyd (ordret)').fill('Pædagogerne ønsker at være med i evalueringen fra start.');
  await decision.getByRole('button', { name: /Læs op for alle/ }).click();
  await expect(presenter.getByText('Co-teaching afprøves i 4. årgang')).toBeVisible();
  await expect(presenter.getByText(/Pædagogerne ønsker at være med/)).toBeVisible();
  await screenshot(presenter, 'projektor-oplaesning');
  await expectAccessible(presenter, 'Projektor: oplæsning');
  await page.getByRole('button', { name: 'Alle kan genkende den – godkend' }).click();
  await expect(page.getByText('✓ Endelig')).toBeVisible();

  // Item 8: the decision's colour differs from the announced one and needs a reason.
  await goToItem(page, 'Omlægning af vikardækning');
  await expect(presenter.getByRole('heading', { name: 'Omlægning af vikardækning' })).toBeVisible();
  const second = page.getByRole('form', { name: 'Beslutning' });
  await second.getByLabel('Farve brugt').selectOption('roed');
  await second.getByLabel('Hvad blev besluttet?').fill('Vikardækningen samles hos to faste vikarer fra 1. februar.');
  await second.getByRole('button', { name: 'Gem udkast' }).click();
  await expect(second.getByText(/Farven er en anden end den, der blev varslet/)).toBeVisible();
  await second.getByLabel('Hvorfor en anden farve end den varslede?').fill('Budgettet blev lagt fast af forvaltningen efter dagsordenen gik ud.');
  await second.getByRole('button', { name: 'Gem udkast' }).click();
  await expect(page.getByText('Udkast, ikke læst op')).toBeVisible();
  const secondActions = page.getByRole('form', { name: 'Tilføj handling' }).first();
  await secondActions.getByLabel('Hvad').fill('Orientere personalet om den nye vikarordning');
  await secondActions.getByLabel('Hvem').fill('Jonas Holm');
  await secondActions.getByRole('button', { name: 'Tilføj handling' }).click();
  await expect(page.getByRole('region', { name: 'Handlinger' })).toContainText('Orientere personalet');
  await page.keyboard.press('Escape');
  await page.keyboard.press('l');
  await expect(presenter.getByText('Vikardækningen samles hos to faste vikarer')).toBeVisible();
  await page.getByRole('button', { name: 'Alle kan genkende den – godkend' }).click();
  await screenshot(page, 'afvikling-beslutning-laptop');
  await expectAccessible(page, 'Afvikling: beslutning');

  // Check-out: tallies only.
  await timeline(page).getByRole('button', { name: 'Check-out' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Check-out' })).toBeVisible();
  const add = page.getByRole('button', { name: 'Læg et svar til «I høj grad» på «Fik alle mulighed for at blive hørt i dag?»' });
  await add.click();
  await expect(page.getByRole('group', { name: 'Fik alle mulighed for at blive hørt i dag?' })).toContainText('1');
  await add.click();
  await page.getByRole('button', { name: 'Læg et svar til «I nogen grad» på «Fik alle mulighed for at blive hørt i dag?»' }).click();
  await screenshot(presenter, 'projektor-checkout');
  await screenshot(page, 'afvikling-checkout-laptop');
  await expectAccessible(page, 'Afvikling: check-out');
  await expectAccessible(presenter, 'Projektor: check-out');

  // The shortcuts are shown, and the meeting ends as held.
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Tastaturgenveje' })).toBeVisible();
  await page.getByRole('button', { name: 'Luk' }).click();
  await page.getByRole('button', { name: 'Afslut mødet' }).click();
  await page.getByRole('button', { name: 'Ja, afslut' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'TRIO-møde' })).toBeVisible();

  // Everything was saved as it happened.
  await menu(page).getByRole('button', { name: 'Opfølgning' }).click();
  await expect(page.getByRole('main')).toContainText('Lave mødefri uge i januar');
  await expect(page.getByRole('main')).toContainText('Orientere personalet om den nye vikarordning');
  await menu(page).getByRole('button', { name: 'Arkiv' }).click();
  await expect(page.getByRole('main')).toContainText('Co-teaching afprøves i 4. årgang');
  await expect(page.getByRole('main')).toContainText('Vikardækningen samles hos to faste vikarer');
});
