import type { Page } from '@playwright/test';
import { apiOf, expect, expectAccessible, screenshot, test } from './fixtures';
import { addLateItem, approveReferat, consentToLateItem } from './sharing.steps';
import { agendaRow, menu } from './thin-slice.steps';

const MEETING = 'TRIO-møde januar';
const LATE = 'Ny vikarordning fra februar';

async function openMeeting(page: Page): Promise<void> {
  await menu(page).getByRole('button', { name: 'Møder', exact: true }).click();
  await page.getByRole('button', { name: new RegExp(MEETING) }).click();
  await expect(page.getByRole('heading', { level: 1, name: MEETING })).toBeVisible();
}

test('skolelederen sætter et sent punkt på, TR giver samtykke på sin egen bærbar, og hver godkender referatet på sin', async ({ sharingServer, laptops }) => {
  test.setTimeout(300_000);
  const one = await laptops.open();
  const two = await laptops.open();
  const leaderApi = apiOf(one.page, one.harness.url);
  const trApi = apiOf(two.page, two.harness.url);

  // The skoleleder's laptop: a TRIO with two agenda owners and a meeting, shared as Mette Lund; TR invited as Jonas Holm.
  await leaderApi('sync.join', { serverAddress: sharingServer.address, code: await sharingServer.inviteSharer('Skoleleder') });
  const forum = await leaderApi('forums.create', { kind: 'trio', name: 'TRIO', school: 'Bøgely Skole' });
  const mette = await leaderApi('members.add', { forumId: forum['id'], name: 'Mette Lund', role: 'Skoleleder', fromDate: '2026-08-01', agendaOwner: true });
  const jonas = await leaderApi('members.add', { forumId: forum['id'], name: 'Jonas Holm', role: 'TR (lærere)', fromDate: '2026-08-01', agendaOwner: true });
  const meeting = await leaderApi('meetings.create', { forumId: forum['id'], title: MEETING, startsAt: '2027-01-12T14:00', durationMinutes: 90 });
  await leaderApi('agenda.addItem', { meetingId: meeting['id'], title: 'Opfølgning på APV', type: 'droeftelse', minutes: 20 });
  await leaderApi('sync.shareForum', { forumId: forum['id'], serverAddress: sharingServer.address, forumPersonId: mette['personId'] });
  const invitation = await leaderApi('sync.invite', { forumId: forum['id'], right: 'medlem', name: 'Jonas Holm', forumPersonId: jonas['personId'] });
  await trApi('sync.join', { serverAddress: sharingServer.address, code: invitation['code'] });

  // The agenda goes out; then the skoleleder adds a late item, which waits for the TR by name.
  await leaderApi('meetings.markAgendaSent', { meetingId: meeting['id'] });
  await openMeeting(one.page);
  await addLateItem(one.page, LATE, ['Jonas Holm']);
  await screenshot(one.page, 'samtykke-venter');
  await expectAccessible(one.page, 'Dagsorden: et sent punkt venter på samtykke');

  // The TR's laptop: the item arrives, and the TR consents from the keyboard.
  await consentToLateItem(two.page, LATE, 'Jonas Holm', () => openMeeting(two.page));
  await expectAccessible(two.page, 'Dagsorden: samtykke givet');

  // Back on the skoleleder's laptop: who consented, in words, and the warning is gone.
  await expect(agendaRow(one.page, LATE)).toContainText('samtykke fra Jonas Holm', { timeout: 30_000 });
  await expect(agendaRow(one.page, LATE)).not.toContainText('Samtykke mangler');
  await screenshot(one.page, 'samtykke-givet');

  // The meeting is held; each approves the referat on their own laptop, and it locks on both.
  await leaderApi('run.start', { meetingId: meeting['id'] });
  await leaderApi('run.end', { meetingId: meeting['id'] });
  const leaderReferat = await approveReferat(one.page, [], () => openMeeting(one.page));
  await expect(leaderReferat).toContainText(/Godkendt af Mette Lund \(Skoleleder\) \d+\. \p{L}+\.? kl\. \d\d\.\d\d/u);
  await expect(leaderReferat).toContainText('Venter på Jonas Holm (TR, lærere)');
  await expect(leaderReferat.getByRole('button', { name: 'Godkend referatet' })).toHaveCount(0);
  await screenshot(one.page, 'samtykke-referat-venter');
  await expectAccessible(one.page, 'Referat: venter på den anden medejer');

  const trReferat = await approveReferat(two.page, ['Mette Lund'], () => openMeeting(two.page));
  await expect(trReferat).toContainText('Godkendt og låst');
  await expect(leaderReferat).toContainText('Godkendt og låst', { timeout: 30_000 });
  await screenshot(one.page, 'samtykke-referat-laast');
});
