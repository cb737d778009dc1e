import type { Locator, Page } from '@playwright/test';
import { addDays, format } from 'date-fns';
import { type Api, apiOf, expect, expectAccessible, screenshot, test } from './fixtures';

/**
 * A whole meeting run by a facilitator who never touches the mouse: every step is a key press, and
 * after each one the focus is where the next key press is meant to act.
 */

const LAPTOP = { width: 1366, height: 768 };
const MEETING = 'TRIO-møde januar';
const ITEMS = {
  followUp: 'Opfølgning på handlinger fra december',
  tilsyn: 'Fordeling af tilsynsopgaver i frikvartererne',
  skolefest: 'Skolefesten i juni',
};
const DECISION = 'Tilsynet fordeles efter den nye model fra 1. februar og evalueres i TRIO’en i april.';

async function plannedMeeting(api: Api): Promise<string> {
  const forum = await api('forums.create', { kind: 'trio', name: 'TRIO', school: 'Egeskolen' });
  const meeting = await api('meetings.create', {
    forumId: forum['id'],
    title: MEETING,
    startsAt: `${format(addDays(new Date(), 7), 'yyyy-MM-dd')}T14:00`,
    durationMinutes: 60,
    purpose: 'At blive enige om tilsynet og planlægge skolefesten.',
  });
  const add = (fields: Record<string, unknown>) => api('agenda.addItem', { meetingId: meeting['id'], ...fields });
  await add({ title: ITEMS.followUp, type: 'opfoelgning', minutes: 5 });
  await add({
    title: ITEMS.tilsyn,
    type: 'beslutning',
    announcedColour: 'gul',
    minutes: 15,
    owner: 'Mette Lund',
    background: 'Tilsynet i 10-frikvarteret er for tyndt på mellemtrinnet; AMR har fået flere henvendelser.',
  });
  await add({ title: ITEMS.skolefest, type: 'droeftelse', announcedColour: 'groen', minutes: 20 });
  return String(meeting['id']);
}

/** Presses Tab until the control has the focus, as a keyboard user would; fails if it is never reached. */
async function tabTo(page: Page, target: Locator, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i += 1) {
    if (await target.evaluate((el) => el === (el as unknown as { ownerDocument: { activeElement: unknown } }).ownerDocument.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Kunne ikke nå ${String(target)} med Tab`);
}

/** The focus is on the heading of the step that opened, and that step starts at the top of the window. */
async function expectAtStep(page: Page, heading: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 2, name: heading })).toBeFocused();
  expect(await page.evaluate('window.scrollY')).toBe(0);
}

function timeline(page: Page) {
  return page.getByRole('navigation', { name: 'Dagsordenen' });
}

test('et helt møde afvikles med tastaturet alene, og fokus står rigtigt efter hvert skridt', async ({ page, harness }) => {
  test.setTimeout(180_000);
  await page.setViewportSize(LAPTOP);
  await page.clock.install();
  const api = apiOf(page, harness.url);
  const meetingId = await plannedMeeting(api);
  await page.goto(harness.url);

  // From the Oversigt to the meeting, with Tab and Enter.
  const menu = page.getByRole('navigation', { name: 'Hovedmenu' });
  await tabTo(page, menu.getByRole('button', { name: 'Møder', exact: true }));
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByRole('button', { name: new RegExp(`^${MEETING}\\s`) }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: MEETING })).toBeFocused();
  await tabTo(page, page.getByRole('button', { name: 'Start mødet' }));
  await page.keyboard.press('Enter');

  // Planned for next week, started today: the app asks whether to move the date, focus on the answer.
  const question = page.getByRole('alertdialog', { name: 'Mødet holdes en anden dag end planlagt' });
  await expect(question).toBeVisible();
  await expect(question.getByRole('button', { name: 'Flyt mødet til i dag og start' })).toBeFocused();
  await screenshot(page, 'tastatur-flyt-dato');
  await expectAccessible(page, 'Start på en anden dag');
  await page.keyboard.press('Enter');

  // Sæt scenen opens with the focus on its heading.
  await expectAtStep(page, 'Sæt scenen');
  const today = await page.evaluate('new Date().toLocaleDateString("sv-SE")');
  const moved = await api('meetings.get', { meetingId });
  expect(String(moved['startsAt']).slice(0, 10)).toBe(today);

  // The shortcuts, all of them, in `?`; Esc closes it and the focus goes back.
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Tastaturgenveje' });
  await expect(help.getByRole('button', { name: 'Luk' })).toBeFocused();
  for (const key of ['→ eller N', '← eller P', 'Mellemrum eller T', 'B', 'H', 'L', 'G', '1, 2 eller 3', 'A', 'O', 'S', '?', 'Esc']) {
    await expect(help.getByRole('rowheader', { name: key, exact: true })).toBeVisible();
  }
  await screenshot(page, 'tastatur-genveje');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  await expectAtStep(page, 'Sæt scenen');

  // The projector follows, opened with O.
  const [presenter] = await Promise.all([page.context().waitForEvent('page'), page.keyboard.press('o')]);
  await expect(presenter.getByText(MEETING).first()).toBeVisible();

  // Item 1: N goes to it; the clock starts and stops with T and Space.
  await page.keyboard.press('n');
  await expectAtStep(page, ITEMS.followUp);
  await expect(presenter.getByRole('heading', { name: ITEMS.followUp })).toBeVisible();
  await page.keyboard.press('t');
  await expect(page.getByRole('button', { name: /Pause/ })).toBeVisible();
  await page.keyboard.press(' ');
  await expect(page.getByRole('button', { name: /Start tid/ })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: ITEMS.followUp })).toBeFocused();

  // Item 2 with P and N back and forth: the focus follows the step every time.
  await page.keyboard.press('ArrowRight');
  await expectAtStep(page, ITEMS.tilsyn);
  await page.keyboard.press('p');
  await expectAtStep(page, ITEMS.followUp);
  await page.keyboard.press('ArrowLeft');
  await expectAtStep(page, 'Sæt scenen');
  await page.keyboard.press('n');
  await page.keyboard.press('n');
  await expectAtStep(page, ITEMS.tilsyn);

  // The item runs over its 15 minutes: 1 goes to «tag tid», Enter moves five minutes from the last item.
  await page.keyboard.press('t');
  await expect(page.getByRole('button', { name: /Pause/ })).toBeVisible();
  await page.clock.fastForward('16:10');
  const overrun = page.getByRole('region', { name: /Tiden er gået/ });
  await expect(overrun).toBeVisible();
  await expect(page.getByRole('timer')).toHaveAccessibleName(/over tiden/);
  await expect(overrun).toContainText('1 Tag tid fra et senere punkt');
  await expect(overrun).toContainText('2 Parkér punktet til næste møde');
  await expect(overrun).toContainText('3 Gør resten til en handling');
  await page.keyboard.press('1');
  const take = overrun.getByRole('form', { name: 'Tag tid fra et senere punkt' });
  await expect(take.getByLabel('Fra punkt')).toBeFocused();
  await expect(take.getByLabel('Fra punkt')).toHaveValue(/.+/);
  await page.keyboard.press('Tab');
  await expect(take.getByLabel('Minutter')).toBeFocused();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('5');
  await screenshot(page, 'tastatur-overskridelse');
  await expectAccessible(page, 'Tastatur: overskridelse');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('timer')).toHaveAccessibleName(/tilbage af 20 min\./);
  await expectAtStep(page, ITEMS.tilsyn);
  await expect(timeline(page).getByRole('button', { name: new RegExp(ITEMS.skolefest) })).toContainText('15 min.');
  await page.keyboard.press('t');
  await expect(page.getByRole('button', { name: /Start tid/ })).toBeVisible();
  // With the clock stopped, the laptop shows the item's time exactly as the wall does: figure and words.
  await expect(presenter.getByRole('heading', { name: ITEMS.tilsyn })).toBeVisible();
  await expect(presenter.getByRole('timer')).toContainText('tilbage af 20 min.');
  // The wall hears of the stop a moment after the laptop: read it again until it has.
  await expect(async () => {
    const wallClock = (await presenter.locator('.presenter-clock').textContent()) ?? '';
    const wallWords = (await presenter.locator('.presenter-timer-status').textContent()) ?? '';
    expect(wallClock).toMatch(/^\d\d:\d\d$/);
    await expect(page.getByRole('timer')).toHaveAccessibleName(`Tid på punktet: ${wallClock} ${wallWords}`, { timeout: 500 });
  }).toPass({ timeout: 10_000 });

  // The decision: B to write it, saved as a draft, L reads it back to the room, G approves.
  // Announced gul, decided grøn: Shift+Tab from the text reaches the colour, which then asks why.
  await page.keyboard.press('b');
  const decision = page.getByRole('form', { name: 'Beslutning' });
  await expect(decision.getByLabel('Hvad blev besluttet?')).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(decision.getByLabel('Farve brugt')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(decision.getByLabel('Farve brugt')).toHaveValue('groen');
  await page.keyboard.press('Tab');
  await expect(decision.getByLabel('Hvorfor en anden farve end den varslede?')).toBeFocused();
  await page.keyboard.type('Modellen blev lagt fast sammen i mødet, inden for rammen fra forvaltningen.');
  await page.keyboard.press('Tab');
  await expect(decision.getByLabel('Hvad blev besluttet?')).toBeFocused();
  await page.keyboard.type(DECISION);
  await page.keyboard.press('Tab');
  await expect(decision.getByLabel('Hvem beslutter')).toBeFocused();
  await page.keyboard.type('Skolelederen efter drøftelse i TRIO’en');
  await tabTo(page, decision.getByRole('button', { name: 'Gem udkast' }));
  await page.keyboard.press('Enter');
  await expect(page.getByText('Udkast, ikke læst op')).toBeVisible();
  await page.keyboard.press('l');
  const readback = page.getByRole('region', { name: 'Læses op nu' });
  await expect(readback).toContainText(DECISION);
  await expect(presenter.getByText(DECISION)).toBeVisible();
  await expect(readback.getByRole('button', { name: /godkend/ })).toHaveAttribute('aria-keyshortcuts', 'G');
  await page.keyboard.press('g');
  await expect(page.getByText('✓ Endelig')).toBeVisible();
  await expectAtStep(page, ITEMS.tilsyn);
  const stored = await api('meetings.get', { meetingId });
  const decided = (stored['items'] as { title: string; decision: { text: string; finalAt: string | null } | null }[]).find((i) => i.title === ITEMS.tilsyn);
  expect(decided?.decision?.text).toBe(DECISION);
  expect(decided?.decision?.finalAt).not.toBeNull();
  // The agenda at the side shows the colour used, and says it differs from the announced one.
  const tilsynInList = timeline(page).getByRole('button', { name: new RegExp(ITEMS.tilsyn) });
  await expect(tilsynInList).toContainText('GR');
  await expect(tilsynInList).toContainText('besluttet som grøn, varslet gul');

  // Item 3: a process chosen and an action added, all from the keyboard.
  await page.keyboard.press('n');
  await expectAtStep(page, ITEMS.skolefest);
  await tabTo(page, page.getByLabel('Vælg hvordan punktet drøftes'));
  await page.keyboard.press('ArrowDown');
  await expect(page.getByLabel('Vælg hvordan punktet drøftes')).not.toHaveValue('');
  await page.keyboard.press('Escape');
  await page.keyboard.press('h');
  const actions = page.getByRole('form', { name: 'Tilføj handling' }).first();
  await expect(actions.getByLabel('Hvad')).toBeFocused();
  await page.keyboard.type('Indkalde forældrerådet til planlægning af skolefesten');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Jonas Holm');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Handlinger' })).toContainText('Indkalde forældrerådet');

  // Check-out: tallies with Tab and Enter, then A asks, in view and focused, and Enter ends the meeting.
  await page.keyboard.press('Escape');
  await page.keyboard.press('n');
  await expectAtStep(page, 'Check-out');
  const add = page.getByRole('button', { name: 'Læg et svar til «I høj grad» på «Fik alle mulighed for at blive hørt i dag?»' });
  await tabTo(page, add);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('group', { name: 'Fik alle mulighed for at blive hørt i dag?' })).toContainText('1');
  await expect(page.getByRole('button', { name: /Afslut mødet/ })).toHaveAttribute('aria-keyshortcuts', 'A');
  await page.keyboard.press('a');
  const confirm = page.getByRole('alertdialog', { name: 'Afslut mødet' });
  const yes = confirm.getByRole('button', { name: /Ja, afslut/ });
  await expect(yes).toBeFocused();
  await expect(yes).toBeInViewport();
  await expect(confirm.getByText('Afslut mødet nu?')).toBeInViewport();
  await screenshot(page, 'tastatur-afslut');
  await expectAccessible(page, 'Tastatur: afslut mødet');
  // Esc goes back to the check-out with the focus on the button that asked.
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: /Afslut mødet/ })).toBeFocused();
  await page.keyboard.press('a');
  await expect(yes).toBeFocused();
  await page.keyboard.press('Enter');

  // The meeting page, with the focus on its title, and the meeting is held.
  await expect(page.getByRole('heading', { level: 1, name: MEETING })).toBeFocused();
  const held = await api('meetings.get', { meetingId });
  expect(held['status']).toBe('afholdt');
});
