import type { Page } from '@playwright/test';
import { apiOf, expect, expectAccessible, screenshot, startMeeting, test } from './fixtures';
import { agendaRow, menu, selectItem } from './thin-slice.steps';

const MEETING = 'TRIO-møde februar';
const FIRST = 'Vikardækning i februar';
const SECOND = 'Trivselsmåling';
const ADDED = 'Tilsyn i frikvarteret';
const QUESTION = 'Hvor mange vikartimer blev der brugt i januar?';

/** «Tilslut et delt forum» on the Fora page, then the arrived TRIO opened. */
async function joinAndOpen(page: Page, address: string, code: string): Promise<void> {
  await menu(page).getByRole('button', { name: 'Fora' }).click();
  const form = page.getByRole('form', { name: 'Tilslut et delt forum' });
  await form.getByLabel('Delingsserverens adresse').fill(address);
  await form.getByLabel('Invitationskode').fill(code);
  await form.getByRole('button', { name: 'Tilslut' }).click();
  const arrived = form.getByRole('button', { name: 'Åbn TRIO' });
  await expect(arrived).toBeVisible({ timeout: 30_000 });
  await arrived.click();
}

async function openMeeting(page: Page): Promise<void> {
  await page.getByRole('button', { name: new RegExp(MEETING) }).click();
  await expect(page.getByRole('heading', { level: 1, name: MEETING })).toBeVisible();
}

test('TR kommenterer før mødet på sin egen bærbar; skolelederen ser «Nyt» og spørgsmålet i mødeafviklingen', async ({ sharingServer, laptops }) => {
  test.setTimeout(300_000);
  // The skoleleder's laptop: the TRIO with its people, a meeting and two items, shared as Mette Lund.
  const one = await laptops.open();
  const a = one.page;
  const apiA = apiOf(a, one.harness.url);
  await apiA('sync.join', { serverAddress: sharingServer.address, code: await sharingServer.inviteSharer('Skoleleder') });
  const forum = await apiA('forums.create', { kind: 'trio', name: 'TRIO', school: 'Bøgely Skole' });
  const mette = await apiA('members.add', { forumId: forum['id'], name: 'Mette Lund', role: 'Skoleleder', fromDate: '2026-08-01' });
  const jonas = await apiA('members.add', { forumId: forum['id'], name: 'Jonas Holm', role: 'TR', fromDate: '2026-08-01' });
  const meeting = await apiA('meetings.create', { forumId: forum['id'], title: MEETING, startsAt: '2027-02-09T14:00', durationMinutes: 90 });
  await apiA('agenda.addItem', { meetingId: meeting['id'], title: FIRST, type: 'droeftelse', minutes: 20 });
  await apiA('agenda.addItem', { meetingId: meeting['id'], title: SECOND, type: 'orientering', minutes: 10 });
  await apiA('sync.shareForum', { forumId: forum['id'], serverAddress: sharingServer.address, forumPersonId: mette['personId'] });
  const invitation = await apiA('sync.invite', { forumId: forum['id'], right: 'medlem', name: 'Jonas Holm', forumPersonId: jonas['personId'] });
  // The skoleleder has read the agenda before the TR starts on it.
  await apiA('agenda.markSeen', { meetingId: meeting['id'] });

  // The TR's laptop joins and reads the agenda before the meeting, asks a question and adds an item.
  const b = (await laptops.open()).page;
  await joinAndOpen(b, sharingServer.address, String(invitation['code']));
  await openMeeting(b);
  const editor = await selectItem(b, FIRST);
  const comments = editor.getByRole('region', { name: 'Kommentarer og spørgsmål' });
  await expect(comments).toContainText('Ingen har kommenteret punktet endnu.');
  await comments.getByRole('radio', { name: 'Spørgsmål' }).check();
  await comments.getByLabel('Din kommentar eller dit spørgsmål').fill(QUESTION);
  await comments.getByRole('button', { name: 'Tilføj' }).click();
  await expect(comments.getByRole('listitem')).toContainText(QUESTION);
  await expect(comments.getByRole('listitem')).toContainText('Jonas Holm (dig)');
  await expect(comments.getByRole('listitem')).toContainText('? Ubesvaret');
  await screenshot(b, 'kommentarer-tr-spoerger');
  await expectAccessible(b, 'Dagsordenen: kommentarer til et punkt');
  await b.getByRole('button', { name: 'Nyt punkt' }).click();
  const itemForm = b.getByRole('form', { name: 'Tilføj punkt' });
  await itemForm.getByLabel('Punktets titel').fill(ADDED);
  await itemForm.getByLabel('Minutter').fill('10');
  await itemForm.getByRole('button', { name: 'Tilføj punkt' }).click();
  await expect(agendaRow(b, ADDED)).toBeVisible();

  // The skoleleder sees what is new since they last looked, in words, and marks it seen.
  await menu(a).getByRole('button', { name: 'Møder', exact: true }).click();
  await openMeeting(a);
  await expect(agendaRow(a, ADDED)).toContainText('★ Nyt', { timeout: 30_000 });
  await expect(agendaRow(a, FIRST)).toContainText('1 ny kommentar');
  await expect(agendaRow(a, SECOND)).not.toContainText('★');
  const news = a.getByRole('region', { name: 'Nyt siden sidst' });
  await expect(news).toContainText('2 punkter har nyt fra de andre.');
  const history = (await selectItem(a, ADDED)).getByRole('group').filter({ hasText: 'Historik' });
  await history.getByText('Historik').click();
  await expect(history).toContainText(/Jonas Holm tilføjede punktet, \d+\. \p{L}+\. kl\. \d\d\.\d\d/u);
  await screenshot(a, 'kommentarer-nyt-siden-sidst');
  await expectAccessible(a, 'Dagsordenen: nyt siden sidst og historik');
  await news.getByRole('button', { name: 'Markér som set' }).click();
  await expect(news).toContainText('Intet nyt fra de andre siden da.');
  await expect(agendaRow(a, ADDED)).not.toContainText('★');

  // In run mode the facilitator has the TR's question on the current item, and marks it answered from the keyboard.
  await startMeeting(a);
  await a.getByRole('button', { name: /^Gå til første punkt/ }).click();
  await expect(a.getByRole('heading', { level: 2, name: FIRST })).toBeVisible();
  const panel = a.getByRole('complementary', { name: 'Kommentarer og spørgsmål' });
  await expect(panel).toContainText('Kommentarer og spørgsmål (1, 1 ubesvarede)');
  const show = panel.getByRole('button', { name: 'Vis kommentarer og spørgsmål' });
  if (await show.isVisible()) {
    await show.focus();
    await a.keyboard.press('Enter');
  }
  await expect(panel).toContainText(QUESTION);
  await expect(panel).toContainText('Jonas Holm');
  const answer = panel.getByRole('button', { name: 'Markér som besvaret' });
  await answer.focus();
  await a.keyboard.press('Enter');
  await expect(panel).toContainText('✓ Besvaret');
  await screenshot(a, 'kommentarer-afvikling');
  await expectAccessible(a, 'Mødeafvikling: kommentarer og spørgsmål');

  // The TR's laptop hears that the question was answered.
  const again = (await selectItem(b, FIRST)).getByRole('region', { name: 'Kommentarer og spørgsmål' });
  await expect(again.getByRole('listitem')).toContainText('✓ Besvaret', { timeout: 30_000 });
});
