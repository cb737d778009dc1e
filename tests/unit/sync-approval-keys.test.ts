import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CONFIDENTIAL_CONTENT_FIELD, KEY_ID_FIELD, contentHash } from '../../electron/sync/approvals';
import { documentName } from '../../shared/sync/documents';
import { APPROVAL_KEYS_MAP } from '../../shared/sync/approvalKeys';
import { must } from './support';
import { converge, demoOwners, heldMeetingOfThree, send, type Laptop } from './sync-support';

/**
 * An approval's hash of the confidential content is keyed with a key the fortroligt document keeps under its own
 * id (electron/sync/approvals.ts): keys made on two laptops at the same time never replace each other, and an
 * approval whose key has not arrived yet counts once it does.
 */
describe('godkendelser på bærbare, der hver laver sin nøgle', { timeout: 30_000 }, () => {
  it('to dagsordensejere godkender uden forbindelse; begge godkendelser står overalt, og referatet låses ved den sidste', async () => {
    const { a, b, c, forumId, meetingId, leader, tr, amr } = await heldMeetingOfThree('Sygefravær');

    const confidential = documentName({ kind: 'fortroligt', forumId, meetingId });
    const keysOn = (l: Laptop) => [...l.services.sync.docFor(confidential).getMap(APPROVAL_KEYS_MAP).keys()].sort();
    const approvers = async (l: Laptop) => ((await must(l.services, 'referat.get', { meetingId })).versions.at(-1)?.approvals ?? []).map((x) => x.personId).sort();

    // The skoleleder approves first; only the meeting document reaches the TR before both go offline.
    await must(a.services, 'referat.approve', { meetingId, personId: leader.personId });
    send(a, b, forumId, { confidential: false });
    expect(await approvers(b), 'uden nøglen står godkendelsen ikke endnu').toEqual([]);
    await must(b.services, 'referat.approve', { meetingId, personId: tr.personId });
    expect(keysOn(a)).toHaveLength(1);
    expect(keysOn(b)).toHaveLength(1);
    expect(keysOn(b)).not.toEqual(keysOn(a));

    // The TR's approval reaches the skoleleder before its key does, then the key.
    send(b, a, forumId, { confidential: false });
    expect(await approvers(a)).toEqual([leader.personId]);
    send(b, a, forumId);
    expect(await approvers(a)).toEqual([leader.personId, tr.personId].sort());

    converge([a, b, c], forumId);
    const both = [leader.personId, tr.personId].sort();
    for (const l of [a, b, c]) {
      expect(await approvers(l)).toEqual(both);
      expect(keysOn(l)).toEqual([...new Set([...keysOn(a), ...keysOn(b)])].sort());
    }

    // The AMR's approval is the last: it locks the referat on the AMR's laptop, and on the others once it arrives.
    expect((await must(c.services, 'referat.approve', { meetingId, personId: amr.personId })).locked).toBe(true);
    converge([a, b, c], forumId);
    for (const l of [a, b, c]) {
      const state = await must(l.services, 'referat.get', { meetingId });
      expect(state.locked).toBe(true);
      expect(state.versions.at(-1)?.approvals.map((x) => x.personId).sort()).toEqual([...both, amr.personId].sort());
    }
    // No key was replaced: each laptop's approvals name a key every laptop holds, unchanged.
    const held = (l: Laptop) => l.services.sync.docFor(confidential).getMap(APPROVAL_KEYS_MAP).toJSON();
    for (const l of [b, c]) expect(held(l)).toEqual(held(a));
    for (const l of [a, b, c]) l.services.close();
  });

  it('en godkendelse fra før nøglerne står stadig, og dens egen bærbar giver den en nøgle', async () => {
    const { a, b, forumId, meetingId, tr } = await demoOwners();
    await must(a.services, 'agenda.addItem', { meetingId, title: 'Sygefravær', type: 'orientering', minutes: 5, confidential: true });
    await must(a.services, 'run.start', { meetingId });
    await must(a.services, 'run.end', { meetingId });
    converge([a, b], forumId);
    await must(b.services, 'referat.approve', { meetingId, personId: tr.personId });
    converge([a, b], forumId);

    // The TR's approval as an earlier version of the app wrote it: no key, the plain hash of the confidential content.
    const moede = documentName({ kind: 'moede', forumId, meetingId });
    const plain = contentHash(b.services.sync.docFor(documentName({ kind: 'fortroligt', forumId, meetingId })));
    const earlier = new Y.Doc();
    Y.applyUpdate(earlier, Y.encodeStateAsUpdate(b.services.sync.docFor(moede)));
    const before = Y.encodeStateVector(earlier);
    const approvalIn = (doc: Y.Doc) => [...doc.getMap('godkendelser').entries()].find(([key]) => key.endsWith(`|${tr.personId}`))?.[1] as Y.Map<unknown> | undefined;
    earlier.transact(() => {
      approvalIn(earlier)?.delete(KEY_ID_FIELD);
      approvalIn(earlier)?.set(CONFIDENTIAL_CONTENT_FIELD, plain);
    });
    const update = Y.encodeStateAsUpdate(earlier, before);
    const approvers = async (l: Laptop) => ((await must(l.services, 'referat.get', { meetingId })).versions.at(-1)?.approvals ?? []).map((x) => x.personId);

    a.services.sync.applyRemoteUpdate(moede, update);
    expect(approvalIn(a.services.sync.docFor(moede))?.get(CONFIDENTIAL_CONTENT_FIELD)).toBe(plain);
    expect(await approvers(a), 'godkendelsen fra før nøglerne står').toEqual([tr.personId]);
    b.services.sync.applyRemoteUpdate(moede, update);
    converge([a, b], forumId);
    for (const l of [a, b]) {
      const approval = approvalIn(l.services.sync.docFor(moede));
      expect(approval?.get(KEY_ID_FIELD)).toEqual(expect.any(String));
      expect(approval?.get(CONFIDENTIAL_CONTENT_FIELD)).not.toBe(plain);
      expect(await approvers(l)).toEqual([tr.personId]);
    }
    for (const l of [a, b]) l.services.close();
  });
});
