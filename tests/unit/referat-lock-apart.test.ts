import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MEETING_ROOT, REFERAT_LOCKED_KEY, documentName } from '../../shared/sync/documents';
import { must } from './support';
import { converge, forumRows, heldMeetingOfThree, serverTook, type Laptop } from './sync-support';

/** What `from` holds of the forum's documents and `to` lacks, taken now, to be delivered later. */
function pendingFor(from: Laptop, to: Laptop, forumId: string): [string, Uint8Array][] {
  return from.services.sync.documentNames(forumId).flatMap((name): [string, Uint8Array][] => {
    const update = Y.encodeStateAsUpdate(from.services.sync.docFor(name), Y.encodeStateVector(to.services.sync.docFor(name)));
    return update.length > 2 ? [[name, update]] : [];
  });
}

/**
 * The last approvals of a referat given on laptops that do not see each other's: none of them sees the set
 * complete when approving, so the laptop of the last approver locks it when the others' arrive
 * (electron/services/referat.ts, lockWhenLastApprover), and only that laptop.
 */
describe('referatet låses, når de sidste godkendelser er givet hver for sig', { timeout: 30_000 }, () => {
  it('TR og AMR godkender uden forbindelse til hinanden; referatet låses ens på alle tre bærbare', async () => {
    const { a, b, c, forumId, meetingId, leader, tr, amr } = await heldMeetingOfThree('Sygefravær i indskolingen');
    const laptops = [a, b, c];
    const state = (l: Laptop) => must(l.services, 'referat.get', { meetingId });

    await must(a.services, 'referat.approve', { meetingId, personId: leader.personId });
    converge(laptops, forumId);
    // Apart: each sees the skoleleder's approval and its own, not the other's.
    expect((await must(b.services, 'referat.approve', { meetingId, personId: tr.personId })).locked).toBe(false);
    expect((await must(c.services, 'referat.approve', { meetingId, personId: amr.personId })).locked).toBe(false);

    // They meet: each gets the other's approval at the same time. Only the last approver's laptop locks.
    const trApproval = (await state(b)).versions[0]?.approvals.find((x) => x.personId === tr.personId);
    const amrApproval = (await state(c)).versions[0]?.approvals.find((x) => x.personId === amr.personId);
    if (!trApproval || !amrApproval) throw new Error('En godkendelse mangler.');
    const trLast = `${trApproval.approvedAt}|${trApproval.personId}` > `${amrApproval.approvedAt}|${amrApproval.personId}`;
    const [locker, other] = trLast ? [b, c] : [c, b];
    const bToC = pendingFor(b, c, forumId);
    const cToB = pendingFor(c, b, forumId);
    for (const [name, update] of bToC) c.services.sync.applyRemoteUpdate(name, update);
    for (const [name, update] of cToB) b.services.sync.applyRemoteUpdate(name, update);
    // The locker's own approval, given offline, has not reached the server yet: the lock would travel with it and
    // might be refused (electron/sync/awaitedLock.ts), so it waits until the server has taken it.
    expect((await state(locker)).locked, 'låsen venter på, at serveren har godkendelsen').toBe(false);
    await serverTook(other, forumId);
    expect((await state(other)).locked, 'den anden bærbar låser ikke selv').toBe(false);
    await serverTook(locker, forumId);
    expect((await state(locker)).locked).toBe(true);

    converge(laptops, forumId);
    const everyone = [leader.personId, tr.personId, amr.personId].sort();
    for (const l of laptops) {
      const referat = await state(l);
      expect(referat.locked).toBe(true);
      expect(referat.versions.map((v) => v.status)).toEqual(['godkendt']);
      expect(referat.versions[0]?.approvals.map((x) => x.personId).sort()).toEqual(everyone);
    }
    // One lock, the same on every laptop: the version's snapshot and time, and both documents.
    const versionRows = laptops.map((l) => forumRows(l.db, forumId)['referat_version']);
    for (const rows of versionRows.slice(1)) expect(rows).toEqual(versionRows[0]);
    const snapshot = String((versionRows[0]?.[0] as { snapshot: string | null }).snapshot);
    expect(snapshot).toContain('Sygefravær i indskolingen');
    const moede = documentName({ kind: 'moede', forumId, meetingId });
    const fortroligt = documentName({ kind: 'fortroligt', forumId, meetingId });
    const lockedAt = (versionRows[0]?.[0] as { approved_at: string }).approved_at;
    for (const l of laptops) {
      expect(l.services.sync.docFor(moede).getMap(MEETING_ROOT).get(REFERAT_LOCKED_KEY)).toBe(lockedAt);
      const versions = [...l.services.sync.docFor(fortroligt).getMap('referatversioner').values()] as Y.Map<unknown>[];
      expect(versions.map((v) => [v.get('status'), v.get('approvedAt'), v.get('snapshot')])).toEqual([['godkendt', lockedAt, snapshot]]);
    }
    for (const l of laptops) l.services.close();
  });
});
