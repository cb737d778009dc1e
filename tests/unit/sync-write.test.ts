import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { documentName } from '../../shared/sync/documents';
import { must } from './support';
import { converge, itemOf, laptop, send, SERVER, sharedTrio, updateItem, type Laptop } from './sync-support';

const logged = (l: Laptop) => l.db.prepare('SELECT count(*) FROM sync_update').pluck().get() as number;

async function demoOn(l: Laptop) {
  await must(l.services, 'demo.install', {});
  const [forum] = await must(l.services, 'forums.list', {});
  const held = (await must(l.services, 'meetings.list', {})).find((m) => m.status === 'afholdt');
  if (!forum || !held) throw new Error('Demoen mangler sit forum eller sit afholdte møde.');
  return { forum, held };
}

describe('en skrivning i et delt forum', () => {
  it('en godkendelse, mens en anden ændrede indholdet, er forældet på begge bærbare og skal gives igen', async () => {
    const a = laptop();
    const { forum, held } = await demoOn(a);
    const [first, second] = (await must(a.services, 'referat.get', { meetingId: held.id })).coOwners;
    if (!first || !second) throw new Error('Demoen har ikke to medejere.');
    // Each approves on their own laptop: A's is the first co-owner's.
    a.services.sync.shareForum(forum.id, SERVER, { right: 'medlem', admin: false, forumPersonId: first.personId });
    const b = laptop();
    send(a, b, forum.id);
    const item = (await must(a.services, 'meetings.get', { meetingId: held.id })).items.find((i) => !i.confidential);
    if (!item) throw new Error('Det afholdte møde har intet åbent punkt.');

    await must(a.services, 'referat.approve', { meetingId: held.id, personId: first.personId });
    await must(b.services, 'run.saveNotes', { itemId: item.id, notes: `${item.notes} Tilføjet efter mødet.` });
    converge([a, b], forum.id);

    for (const l of [a, b]) {
      const state = await must(l.services, 'referat.get', { meetingId: held.id });
      expect(state.versions.at(-1)?.approvals ?? []).toEqual([]);
      expect(state.locked).toBe(false);
    }
    // Given again on the content as it now stands, it counts on both.
    await must(a.services, 'referat.approve', { meetingId: held.id, personId: first.personId });
    converge([a, b], forum.id);
    for (const l of [a, b]) expect((await must(l.services, 'referat.get', { meetingId: held.id })).versions.at(-1)?.approvals.map((x) => x.personId)).toEqual([first.personId]);
  });

  it('går spejlingen galt, gemmes skrivningen ikke: rækken, loggen og dokumentet er som før', async () => {
    const { laptops, forum, meeting, items } = await sharedTrio(1);
    const a = laptops[0]!;
    const item = items[0]!;
    const before = logged(a);
    const name = documentName({ kind: 'moede', forumId: forum.id, meetingId: meeting.id });
    const docBefore = Y.encodeStateAsUpdate(a.services.sync.docFor(name));
    // A real fault where the update is appended: SQLite refuses the insert into the log.
    a.db.exec("CREATE TEMP TRIGGER log_fuld BEFORE INSERT ON main.sync_update BEGIN SELECT RAISE(ABORT, 'disken er fuld'); END");
    const result = await a.services.call('agenda.updateItem', { ...(await itemOf(a, item.id)), itemId: item.id, title: 'Må ikke gemmes' });
    expect(result.ok).toBe(false);
    expect((await itemOf(a, item.id)).title).toBe(item.title);
    expect(logged(a)).toBe(before);
    expect(Y.encodeStateAsUpdate(a.services.sync.docFor(name))).toEqual(docBefore);

    a.db.exec('DROP TRIGGER temp.log_fuld');
    await updateItem(a, item.id, { title: 'Gemmes nu' });
    expect(logged(a)).toBe(before + 1);
    expect(a.services.sync.docFor(name).getMap('punkter').toJSON()[item.id]).toMatchObject({ title: 'Gemmes nu' });
  });

  it('et forum, der ikke er delt, og et udkast til en beslutning skriver intet i loggen', async () => {
    const { laptops, meeting, items } = await sharedTrio(1);
    const a = laptops[0]!;
    const other = await must(a.services, 'forums.create', { kind: 'trio', name: 'Ikke delt', school: 'Egeskolen' });
    const before = logged(a);
    const otherMeeting = await must(a.services, 'meetings.create', { forumId: other.id, title: 'Lokalt møde', startsAt: '2026-12-02T14:00', durationMinutes: 60 });
    await must(a.services, 'agenda.addItem', { meetingId: otherMeeting.id, title: 'Kun her', type: 'orientering', minutes: 5 });
    // A draft is the typist's own until it is read back or saved as the decision: the others never see half a decision.
    await must(a.services, 'run.start', { meetingId: meeting.id });
    const afterStart = logged(a);
    await must(a.services, 'decisions.saveDraft', { itemId: items[0]!.id, colour: 'gul', text: 'Halvt skrevet', dissents: [] });
    expect(logged(a)).toBe(afterStart);
    expect(afterStart).toBe(before + 1);
    expect(JSON.stringify(a.services.sync.documentNames())).not.toContain(other.id);
  });

  it('tæller ændringer, der venter på serveren, og glemmer dem, når serveren har dem', async () => {
    const { laptops, forum, items } = await sharedTrio(1);
    const a = laptops[0]!;
    const seen: { name: string; seq: number }[] = [];
    a.services.sync.onLocalUpdate(({ name, seq }) => seen.push({ name, seq }));
    const waitingAfterShare = a.services.sync.pendingCount(forum.id);
    expect(waitingAfterShare).toBeGreaterThan(0);
    await updateItem(a, items[0]!.id, { owner: 'Mette' });
    expect(seen).toHaveLength(1);
    expect(a.services.sync.pendingCount(forum.id)).toBe(waitingAfterShare + 1);
    for (const name of a.services.sync.documentNames(forum.id)) a.services.sync.markAcknowledged(name, seen[0]!.seq);
    expect(a.services.sync.pendingCount(forum.id)).toBe(0);
  });
});
