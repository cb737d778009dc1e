import type { Page } from '@playwright/test';
import { apiOf, expect, expectAccessible, screenshot, test, type Api } from './fixtures';
import { agendaRow, menu, selectItem } from './thin-slice.steps';

const MEETING = 'TRIO-møde marts';
const FIRST = 'Trivsel i 7.b';
const SECOND = 'Sygefravær i indskolingen';
const HEADING = 'Skrevet, mens punktet var lukket — ikke delt med læsere';

/** Presses Tab until the control named has the focus; fails when it is not reached. */
async function tabTo(page: Page, name: string): Promise<void> {
  for (let step = 0; step < 80; step++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate('document.activeElement?.getAttribute("aria-label") ?? document.activeElement?.textContent ?? ""');
    if (typeof focused === 'string' && focused.trim() === name) return;
  }
  throw new Error(`«${name}» blev ikke nået med Tab.`);
}

async function until(what: string, check: () => Promise<boolean>): Promise<void> {
  await expect.poll(check, { message: what, timeout: 30_000 }).toBe(true);
}

/** Saves the item with `change`, as the item form does (it sends every field). */
async function updateItem(api: Api, meetingId: string, itemId: string, change: Record<string, unknown>): Promise<void> {
  const detail = (await api('meetings.get', { meetingId })) as { items: Record<string, unknown>[] };
  const item = detail.items.find((i) => i['id'] === itemId);
  if (!item) throw new Error('Punktet findes ikke.');
  const { title, type, minutes, announcedColour, owner, background, announcedGiven, announcedOpen, confidential, sensitive } = { ...item, ...change };
  await api('agenda.updateItem', { itemId, title, type, minutes, announcedColour, owner, background, announcedGiven, announcedOpen, confidential, sensitive });
}

test('TR skrev offline i to lukkede punkter, som skolelederen imens åbnede: ordene vises kun medlemmerne og sættes ind eller kasseres fra tastaturet', async ({ sharingServer, laptops }) => {
  test.setTimeout(300_000);
  const one = await laptops.open();
  const a = one.page;
  const apiA = apiOf(a, one.harness.url);
  await apiA('sync.join', { serverAddress: sharingServer.address, code: await sharingServer.inviteSharer('Skoleleder') });
  const forum = await apiA('forums.create', { kind: 'trio', name: 'TRIO', school: 'Bøgely Skole' });
  const mette = await apiA('members.add', { forumId: forum['id'], name: 'Mette Lund', role: 'Skoleleder', fromDate: '2026-08-01' });
  const jonas = await apiA('members.add', { forumId: forum['id'], name: 'Jonas Holm', role: 'TR', fromDate: '2026-08-01' });
  const meeting = await apiA('meetings.create', { forumId: forum['id'], title: MEETING, startsAt: '2027-03-09T14:00', durationMinutes: 90 });
  const meetingId = String(meeting['id']);
  const first = await apiA('agenda.addItem', { meetingId, title: FIRST, type: 'droeftelse', minutes: 20, background: 'Klassens trivsel er faldet.', confidential: true });
  const second = await apiA('agenda.addItem', { meetingId, title: SECOND, type: 'orientering', minutes: 10, confidential: true });
  await apiA('sync.shareForum', { forumId: forum['id'], serverAddress: sharingServer.address, forumPersonId: mette['personId'] });
  const invitation = await apiA('sync.invite', { forumId: forum['id'], right: 'medlem', name: 'Jonas Holm', forumPersonId: jonas['personId'] });

  const two = await laptops.open();
  const apiB = apiOf(two.page, two.harness.url);
  await apiB('sync.join', { serverAddress: sharingServer.address, code: invitation['code'] });
  await until('TR har de lukkede punkter', async () => {
    const detail = await apiB('meetings.get', { meetingId }).catch(() => null);
    return ((detail?.['items'] as { title: string }[] | undefined) ?? []).some((i) => i.title === SECOND);
  });

  // The server is gone: the TR writes in both closed items, and the skoleleder opens them, neither hearing of the other.
  await sharingServer.kill();
  await updateItem(apiB, meetingId, String(first['id']), { background: 'Klassens trivsel er faldet. Tre elever har talt med mig.' });
  await apiB('run.saveNotes', { itemId: second['id'], notes: 'To lærere er langtidssygemeldte.' });
  await updateItem(apiA, meetingId, String(first['id']), { confidential: false });
  await updateItem(apiA, meetingId, String(second['id']), { confidential: false });
  await sharingServer.start();

  await menu(a).getByRole('button', { name: 'Møder', exact: true }).click();
  await a.getByRole('button', { name: new RegExp(MEETING) }).click();
  const editor = await selectItem(a, FIRST);
  const kept = editor.getByRole('region', { name: HEADING });
  await expect(kept).toContainText('Tre elever har talt med mig.', { timeout: 60_000 });
  await expect(kept).toContainText('Jonas Holm skrev dem');
  await expect(kept).toContainText('Baggrund');
  await expect(editor.getByLabel('Baggrund')).toHaveValue('Klassens trivsel er faldet.');
  // The agenda says which items have words waiting, before anyone opens them.
  await expect(agendaRow(a, FIRST)).toContainText('✎ Ord skrevet, mens punktet var lukket');
  await expect(agendaRow(a, SECOND)).toContainText('✎ Ord skrevet, mens punktet var lukket');
  await screenshot(a, 'skrevet-lukket');
  await expectAccessible(a, 'Dagsordenen: ord skrevet, mens punktet var lukket');

  // From the keyboard: the words go into the open item (and so to the læsere).
  await editor.getByRole('heading', { level: 2 }).focus();
  await tabTo(a, 'Sæt ind i punktet og del med læsere');
  await a.keyboard.press('Enter');
  await expect(editor.getByRole('status')).toHaveText('Ordene er sat ind i punktet.');
  await expect(kept).toHaveCount(0);
  await expect(agendaRow(a, FIRST)).not.toContainText('Ord skrevet');
  await until('baggrunden har TR’s ord', async () => {
    const detail = (await apiA('meetings.get', { meetingId })) as { items: { id: string; background: string }[] };
    return detail.items.find((i) => i.id === first['id'])?.background === 'Klassens trivsel er faldet. Tre elever har talt med mig.';
  });

  // The other item's words are discarded, after a question, from the keyboard too.
  const other = await selectItem(a, SECOND);
  const keptOther = other.getByRole('region', { name: HEADING });
  await expect(keptOther).toContainText('To lærere er langtidssygemeldte.');
  await other.getByRole('heading', { level: 2 }).focus();
  await tabTo(a, 'Kassér ordene');
  await a.keyboard.press('Enter');
  await expect(keptOther).toContainText('kan ikke hentes igen');
  await expect(keptOther.getByRole('button', { name: 'Ja, kassér' })).toBeFocused();
  await screenshot(a, 'skrevet-lukket-kassér');
  await expectAccessible(a, 'Dagsordenen: kassér ord skrevet, mens punktet var lukket');
  await a.keyboard.press('Enter');
  await expect(other.getByRole('status')).toHaveText('Ordene er kasseret.');
  await expect(keptOther).toHaveCount(0);
  const notes = ((await apiA('meetings.get', { meetingId })) as { items: { id: string; notes: string }[] }).items.find((i) => i.id === second['id'])?.notes;
  expect(notes).toBe('');
  // The TR's laptop hears both choices: nothing is left waiting there.
  await until('TR’s bærbar har intet gemt tilbage', async () => ((await apiB('agenda.keptWords', { meetingId })) as unknown as unknown[]).length === 0);
});
