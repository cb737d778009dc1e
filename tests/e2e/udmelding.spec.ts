import { addDays, format } from 'date-fns';
import { apiOf, expect, expectAccessible, screenshot, startMeeting, test } from './fixtures';
import { menu } from './thin-slice.steps';

const MEETING = 'TRIO-møde om forberedelse';
const ITEM = 'Fælles forberedelsestid i teamene';
const GIVEN = 'Rammen er 45 minutter om ugen pr. team, aftalt med forvaltningen.';
const OPEN = 'Hvornår på ugen tiden ligger, og hvordan pædagogerne kan være med.';

test('givet og til diskussion meldes ud med punktet og står i sæt scenen og på projektoren', async ({ page, harness }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  const api = apiOf(page, harness.url);
  const forum = await api('forums.create', { kind: 'trio', name: 'TRIO', school: 'Bøgely Skole' });
  const meeting = await api('meetings.create', {
    forumId: forum['id'],
    title: MEETING,
    startsAt: `${format(addDays(new Date(), 7), 'yyyy-MM-dd')}T14:00`,
    durationMinutes: 60,
  });
  await api('agenda.addItem', { meetingId: meeting['id'], title: ITEM, type: 'beslutning', minutes: 25, announcedColour: 'groen' });

  await page.goto(harness.url);
  await menu(page).getByRole('button', { name: 'Møder', exact: true }).click();
  await page.getByRole('button', { name: new RegExp(`^${MEETING}\\s`) }).click();
  await page.getByRole('button', { name: new RegExp(`^1\\. ${ITEM}`) }).click();
  const editor = page.getByRole('form', { name: 'Gem punktet' });
  await editor.getByLabel('Givet (valgfrit)').fill(GIVEN);
  await editor.getByLabel('Til diskussion (valgfrit)').fill(OPEN);
  await expect(editor.getByLabel('Givet (valgfrit)')).toHaveAccessibleDescription(/ligger fast/);
  await editor.getByRole('button', { name: 'Gem punktet' }).click();
  await expect(editor.getByRole('status')).toBeVisible();
  await screenshot(page, 'udmelding-punkt');
  await expectAccessible(page, 'Punktet melder givet og til diskussion ud');

  await startMeeting(page);
  const scene = page.locator('.today-colours');
  await expect(scene).toContainText(`Givet: ${GIVEN}`);
  await expect(scene).toContainText(`Til diskussion: ${OPEN}`);
  await screenshot(page, 'udmelding-saet-scenen');

  const [presenter] = await Promise.all([page.context().waitForEvent('page'), page.getByRole('button', { name: /Åbn projektorvisning/ }).click()]);
  await presenter.setViewportSize({ width: 1280, height: 720 });
  await page.keyboard.press('n');
  await expect(presenter.getByRole('heading', { name: ITEM })).toBeVisible();
  await expect(presenter.getByText(GIVEN)).toBeVisible();
  await expect(presenter.getByText(OPEN)).toBeVisible();
  await screenshot(presenter, 'udmelding-projektor');
  await expectAccessible(presenter, 'Projektor: punkt med givet og til diskussion');
});
