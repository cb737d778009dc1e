import { describe, expect, it } from 'vitest';
import { MEETING_ROOT, REFERAT_LOCKED_KEY, documentName } from '../../shared/sync/documents';
import { must } from './support';
import { converge, heldMeetingOfThree, laptop, serverTook, updateItem, type Laptop } from './sync-support';

/**
 * The last approver's laptop locks a shared referat only once the server holds everything it wrote to the meeting's
 * two documents (electron/sync/awaitedLock.ts): the lock would otherwise travel with those updates, and the server
 * refuses the fortroligt half of such a message once the meeting document has locked the meeting.
 */
describe('låsen venter på, at serveren har computerens ændringer i mødet', { timeout: 30_000 }, () => {
  /** The three owners' held meeting with an action under its closed item; the skoleleder and the AMR have approved. */
  async function twoApproved() {
    const setup = await heldMeetingOfThree('Sygefravær i indskolingen');
    const { a, b, c, forumId, meetingId, leader, amr } = setup;
    const closed = (await must(a.services, 'meetings.get', { meetingId })).items.find((i) => i.confidential);
    if (!closed) throw new Error('Mødet har intet lukket punkt.');
    const action = await must(a.services, 'actions.create', { itemId: closed.id, what: 'Tal med de sygemeldte', who: 'Skoleleder' });
    await must(a.services, 'referat.approve', { meetingId, personId: leader.personId });
    converge([a, b, c], forumId);
    await must(c.services, 'referat.approve', { meetingId, personId: amr.personId });
    converge([a, b, c], forumId);
    for (const l of [a, b, c]) await serverTook(l, forumId);
    return { ...setup, action, closed };
  }

  const referat = (l: Laptop, meetingId: string) => must(l.services, 'referat.get', { meetingId });

  it('TR følger op på en fortrolig handling og godkender sidst; bærbaren går ned før låsen og låser ved næste start', async () => {
    const { a, b, c, forumId, meetingId, tr, action } = await twoApproved();
    await must(b.services, 'actions.markDone', { actionId: action.id });
    const approved = await must(b.services, 'referat.approve', { meetingId, personId: tr.personId });
    expect(approved.locked, 'ikke låst, mens serveren mangler opfølgningen').toBe(false);
    expect(approved.versions.at(-1)?.approvals).toHaveLength(3);

    // Started again before the server took anything: still waiting.
    b.services.close();
    const again = laptop(b.path);
    expect((await referat(again, meetingId)).locked).toBe(false);
    // The server takes the follow-up and the approval, and the laptop stops before it writes the lock.
    for (const name of again.services.sync.documentNames(forumId)) again.services.sync.markAcknowledged(name, again.services.sync.lastLocalSeq(name));
    again.services.close();

    const restarted = laptop(b.path);
    expect((await referat(restarted, meetingId)).locked, 'låst ved start').toBe(true);
    const moede = documentName({ kind: 'moede', forumId, meetingId });
    expect(restarted.services.sync.docFor(moede).getMap(MEETING_ROOT).get(REFERAT_LOCKED_KEY)).toBeTypeOf('string');
    expect(restarted.services.sync.pendingCount(forumId), 'låsen venter på at blive sendt').toBeGreaterThan(0);

    converge([a, restarted, c], forumId);
    for (const l of [a, restarted, c]) {
      expect((await referat(l, meetingId)).locked).toBe(true);
      const done = (await must(l.services, 'actions.list', { forumId })).rows.find((r) => r.id === action.id);
      expect(done?.status).toBe('udfoert');
    }
    for (const l of [a, restarted, c]) l.services.close();
  });

  it('TR retter i det godkendte indhold, før det er sendt: de andres godkendelser passer ikke, og referatet låses ikke', async () => {
    const { a, b, c, forumId, meetingId, tr, closed } = await twoApproved();
    await updateItem(b, closed.id, { background: 'Tilføjet efter de andres godkendelse.' });
    const approved = await must(b.services, 'referat.approve', { meetingId, personId: tr.personId });
    expect(approved.locked).toBe(false);
    expect(approved.versions.at(-1)?.approvals.map((x) => x.personId)).toEqual([tr.personId]);

    await serverTook(b, forumId);
    converge([a, b, c], forumId);
    for (const l of [a, b, c]) {
      await serverTook(l, forumId);
      expect((await referat(l, meetingId)).locked).toBe(false);
    }
    for (const l of [a, b, c]) l.services.close();
  });
});
