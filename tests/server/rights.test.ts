// The rights model as a table: every kind of document against every kind of person.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { decideAccess } from '../../server/sync/rights';
import { readIncoming } from '../../server/sync/messages';
import type { SharedDocument } from '../../shared/sync/documents';
import type { Membership } from '../../server/membership/registry';

const forumId = randomUUID();
const meetingId = randomUUID();
const me = randomUUID();
const docs: Record<string, SharedDocument> = {
  forum: { kind: 'forum', forumId },
  moede: { kind: 'moede', forumId, meetingId },
  fortroligt: { kind: 'fortroligt', forumId, meetingId },
  egenIndbakke: { kind: 'indbakke', forumId, personId: me },
  andensIndbakke: { kind: 'indbakke', forumId, personId: randomUUID() },
};
const medlem: Membership = { ret: 'medlem', admin: false };
const laeser: Membership = { ret: 'læser', admin: true };

describe('rettighedsmodellen', () => {
  it.each([
    ['forum', medlem, false, 'skriv'],
    ['forum', laeser, false, 'læs'],
    ['forum', null, false, 'not-member'],
    ['moede', medlem, false, 'skriv'],
    ['moede', medlem, true, 'læs'],
    ['moede', laeser, false, 'læs'],
    ['moede', null, false, 'not-member'],
    ['fortroligt', medlem, false, 'skriv'],
    ['fortroligt', medlem, true, 'læs'],
    ['fortroligt', laeser, false, 'confidential'],
    ['fortroligt', null, false, 'not-member'],
    ['egenIndbakke', null, false, 'skriv'],
    ['andensIndbakke', medlem, false, 'skriv'],
    ['andensIndbakke', laeser, false, 'confidential'],
    ['andensIndbakke', null, false, 'not-member'],
  ] as const)('%s for %o (låst: %s) giver %s', (doc, membership, locked, expected) => {
    const access = decideAccess(docs[doc] as SharedDocument, me, membership, locked);
    expect(access.kind === 'nægtet' ? access.reason : access.kind).toBe(expected);
  });
});

describe('indgående beskeder', () => {
  const frame = (...bytes: number[]) => new Uint8Array([3, 0x61, 0x62, 0x63, ...bytes]);
  it('finder ændringerne i en opdatering og afviser ødelagte og ukendte', () => {
    const doc = new Y.Doc();
    doc.getText('punkt').insert(0, 'hej');
    const update = Y.encodeStateAsUpdate(doc);
    expect(readIncoming(frame(0, 2, update.length, ...update))).toEqual({ kind: 'changes', update });
    expect(readIncoming(frame(0, 1, 2, 0, 0))).toEqual({ kind: 'other' });
    expect(readIncoming(frame(0, 2, 4, 0xff, 0xff, 0xff, 0x0f))).toEqual({ kind: 'refused', reason: 'malformed-update' });
    expect(readIncoming(frame(0, 2, 200, 1))).toEqual({ kind: 'refused', reason: 'malformed-update' });
    expect(readIncoming(frame(6))).toEqual({ kind: 'refused', reason: 'unknown-message-type' });
    expect(readIncoming(frame(1, 0))).toEqual({ kind: 'other' });
  });
});
