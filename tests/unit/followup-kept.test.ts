import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { must, servicesWithArchive } from './support';

/**
 * The meeting screens read the meeting again after every notes autosave. Its follow-up lists come from the
 * forum's actions and meetings, which a notes save leaves alone, so they are not read again for it; any
 * other write, here or from another program on the same archive, has them read anew.
 */
async function trio() {
  const { services, archive } = servicesWithArchive();
  const forum = await must(services, 'forums.create', { kind: 'trio', name: 'TRIO', school: 'Bøgely Skole' });
  const meeting = (title: string, startsAt: string) => must(services, 'meetings.create', { forumId: forum.id, title, startsAt, durationMinutes: 90 });
  const august = await meeting('TRIO, august', '2026-08-20T14:00');
  const item = await must(services, 'agenda.addItem', { meetingId: august.id, title: 'Vikardækning', type: 'droeftelse', minutes: 20 });
  const cover = await must(services, 'actions.create', { itemId: item.id, what: 'Afklare vikardækning ved kurser', who: 'Skoleleder', due: '2026-09-15' });
  const september = await meeting('TRIO, september', '2026-09-24T14:00');
  const notesItem = await must(services, 'agenda.addItem', { meetingId: september.id, title: 'Opfølgning', type: 'orientering', minutes: 10 });
  return { services, archive, september, notesItem, cover };
}

describe('opfølgningen på et møde, mens der skrives noter', () => {
  it('læses ikke igen efter en gemning af noter, men igen efter en ændring af en handling', async () => {
    const { services, september, notesItem, cover } = await trio();
    const before = await must(services, 'meetings.get', { meetingId: september.id });
    expect(before.followUp.map((a) => [a.what, a.status])).toEqual([[cover.what, 'aaben']]);

    await must(services, 'run.saveNotes', { itemId: notesItem.id, notes: 'Skolelederen har talt med kursusafdelingen' });
    const afterNotes = await must(services, 'meetings.get', { meetingId: september.id });
    expect(afterNotes.items.find((i) => i.id === notesItem.id)?.notes).toBe('Skolelederen har talt med kursusafdelingen');
    // The same lists as before: nothing of them was read again for the notes.
    expect(afterNotes.followUp).toBe(before.followUp);

    await must(services, 'actions.update', { actionId: cover.id, meetingId: september.id, status: 'udfoert', note: 'Puljen er aftalt', dropReason: '' });
    const afterAction = await must(services, 'meetings.get', { meetingId: september.id });
    expect(afterAction.followUp.map((a) => [a.what, a.status])).toEqual([[cover.what, 'udfoert']]);
    expect(afterAction.followUp[0]?.history.at(-1)).toMatchObject({ note: 'Puljen er aftalt', meetingId: september.id });
  });

  it('læses igen, når et andet program har skrevet i arkivet', async () => {
    const { services, archive, september, cover } = await trio();
    const before = await must(services, 'meetings.get', { meetingId: september.id });
    expect(before.followUp.map((a) => a.who)).toEqual(['Skoleleder']);

    const other = new Database(archive.path);
    try {
      other.prepare("UPDATE action SET who = 'AMR' WHERE id = ?").run(cover.id);
    } finally {
      other.close();
    }
    const after = await must(services, 'meetings.get', { meetingId: september.id });
    expect(after.followUp.map((a) => a.who)).toEqual(['AMR']);
  });

  it('læses igen efter en ændret titel på handlingens punkt', async () => {
    const { services, september, cover } = await trio();
    const first = await must(services, 'meetings.get', { meetingId: september.id });
    expect(first.followUp.map((a) => a.itemTitle)).toEqual(['Vikardækning']);
    const item = first.followUp[0];
    if (!item?.itemId) throw new Error('Handlingen hører til et punkt.');
    await must(services, 'agenda.updateItem', { itemId: item.itemId, title: 'Vikardækning ved kurser', type: 'droeftelse', minutes: 20 });
    const renamed = await must(services, 'meetings.get', { meetingId: september.id });
    expect(renamed.followUp.map((a) => [a.what, a.itemTitle])).toEqual([[cover.what, 'Vikardækning ved kurser']]);
  });
});
