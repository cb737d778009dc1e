import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Surroundings } from '../../server/sync/authorship';
import { createMoves } from '../../server/sync/moves';
import { forgetCopy, personsNamed } from '../../server/sync/namedPerson';
import { APPROVAL_RECORDS, CONSENT_RECORDS, approvalKey, consentKey, personOfKey } from '../../shared/sync/personKeys';

const VERSION = '11111111-1111-4111-8111-111111111111';
const ITEM = '22222222-2222-4222-8222-222222222222';
const SKOLELEDER = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const TR = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';

/** A meeting document as the server holds it, and a laptop's copy of it that writes the change to check. */
function meetingPair(): { server: Y.Doc; laptop: Y.Doc } {
  const server = new Y.Doc();
  const items = server.getMap('punkter');
  const item = new Y.Map<unknown>();
  items.set(ITEM, item);
  item.set('titel', 'Fordeling af tilsyn');
  server.getMap('referatversioner').set(VERSION, new Y.Map<unknown>());
  const approval = new Y.Map<unknown>();
  server.getMap(APPROVAL_RECORDS).set(approvalKey(VERSION, TR), approval);
  approval.set('approvedAt', '2026-12-01T10:00:00.000Z');
  const laptop = new Y.Doc();
  Y.applyUpdate(laptop, Y.encodeStateAsUpdate(server));
  return { server, laptop };
}

/** What the laptop's change to its copy sends the server. */
function changeOf(laptop: Y.Doc, change: (doc: Y.Doc) => void): Uint8Array {
  const before = Y.encodeStateVector(laptop);
  change(laptop);
  return Y.encodeStateAsUpdate(laptop, before);
}

function named(server: Y.Doc, update: Uint8Array, around?: Surroundings): string[] {
  const found = personsNamed(server, update, around);
  if (found.kind !== 'persons') throw new Error(`uventet: ${found.kind}`);
  return [...found.ids].sort();
}

describe('hvilke af forummets personer en ændring taler for', () => {
  it('en andens samtykke, der fjernes med sit punkt, taler ikke for nogen; fjernet alene taler det for den anden', () => {
    const { server, laptop } = meetingPair();
    Y.applyUpdate(
      server,
      changeOf(laptop, (doc) => {
        const consent = new Y.Map<unknown>();
        doc.getMap(CONSENT_RECORDS).set(consentKey(ITEM, 'sent', TR), consent);
        consent.set('givenAt', '2026-12-01T09:00:00.000Z');
      }),
    );
    const withItem = changeOf(laptop, (doc) => {
      doc.getMap(CONSENT_RECORDS).delete(consentKey(ITEM, 'sent', TR));
      doc.getMap('punkter').delete(ITEM);
    });
    expect(named(server, withItem)).toEqual([]);
    const { server: other, laptop: otherLaptop } = meetingPair();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(server));
    Y.applyUpdate(otherLaptop, Y.encodeStateAsUpdate(server));
    const alone = changeOf(otherLaptop, (doc) => doc.getMap(CONSENT_RECORDS).delete(consentKey(ITEM, 'sent', TR)));
    expect(named(other, alone)).toEqual([TR]);
  });

  it('en godkendelse, der fjernes med sin referatversion, taler ikke for nogen', () => {
    const { server, laptop } = meetingPair();
    const update = changeOf(laptop, (doc) => {
      doc.getMap(APPROVAL_RECORDS).delete(approvalKey(VERSION, TR));
      doc.getMap('referatversioner').delete(VERSION);
    });
    expect(named(server, update)).toEqual([]);
  });

  it('en ny godkendelse nævner personen i nøglen', () => {
    const { server, laptop } = meetingPair();
    const update = changeOf(laptop, (doc) => {
      const record = new Y.Map<unknown>();
      doc.getMap(APPROVAL_RECORDS).set(approvalKey(VERSION, SKOLELEDER), record);
      record.set('approvedAt', '2026-12-02T10:00:00.000Z');
    });
    expect(named(server, update)).toEqual([SKOLELEDER]);
  });

  it('et ændret felt inde i en andens godkendelse nævner den anden', () => {
    const { server, laptop } = meetingPair();
    const update = changeOf(laptop, (doc) => {
      const record = doc.getMap(APPROVAL_RECORDS).get(approvalKey(VERSION, TR)) as Y.Map<unknown>;
      record.set('approvedAt', '2026-12-03T09:00:00.000Z');
    });
    expect(named(server, update)).toEqual([TR]);
  });

  it('en slettet godkendelse nævner personen', () => {
    const { server, laptop } = meetingPair();
    const update = changeOf(laptop, (doc) => doc.getMap(APPROVAL_RECORDS).delete(approvalKey(VERSION, TR)));
    expect(named(server, update)).toEqual([TR]);
  });

  it('samtykker af begge arter nævner personen; en nøgle i forkert form nævner «ingen kendt» (tom)', () => {
    const { server, laptop } = meetingPair();
    const update = changeOf(laptop, (doc) => {
      const consents = doc.getMap(CONSENT_RECORDS);
      consents.set(consentKey(ITEM, 'sent', SKOLELEDER), new Y.Map());
      consents.set(consentKey(ITEM, 'forvarsel', TR), new Y.Map());
      consents.set(`${ITEM}|ukendt|${TR}`, new Y.Map());
    });
    expect(named(server, update)).toEqual(['', SKOLELEDER, TR].sort());
  });

  it('en ændring af mødets punkter nævner ingen, og serverens dokument er uberørt', () => {
    const { server, laptop } = meetingPair();
    const before = Y.encodeStateAsUpdate(server);
    const update = changeOf(laptop, (doc) => (doc.getMap('punkter').get(ITEM) as Y.Map<unknown>).set('titel', 'Nyt'));
    expect(named(server, update)).toEqual([]);
    expect(Y.encodeStateAsUpdate(server)).toEqual(before);
  });

  it('en ændring, der venter på skriverens egne tidligere ændringer, er i orden (som efter en genforbindelse)', () => {
    const { server, laptop } = meetingPair();
    changeOf(laptop, (doc) => doc.getMap('punkter').set('a', 1));
    const second = changeOf(laptop, (doc) => doc.getMap(APPROVAL_RECORDS).set(approvalKey(VERSION, SKOLELEDER), new Y.Map()));
    expect(named(server, second)).toEqual([]);
  });

  it('en ændring, der venter på en anden skrivers fremtidige ændring, er ufuldstændig', () => {
    const { server, laptop } = meetingPair();
    // The other writer's next change, which the forger has seen coming but which is not on the server yet.
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(laptop));
    changeOf(other, (doc) => doc.getMap('punkter').set('b', 2));
    Y.applyUpdate(laptop, Y.encodeStateAsUpdate(other));
    const forged = changeOf(laptop, (doc) => doc.getMap('punkter').set('b', 3));
    expect(personsNamed(server, forged)).toEqual({ kind: 'incomplete' });
  });

  it('kopien følger serverens dokument, også det, andre forbindelser har skrevet, og laves på ny efter en afvisning', () => {
    const { server, laptop } = meetingPair();
    expect(named(server, changeOf(laptop, (doc) => doc.getMap('punkter').set('x', 1)))).toEqual([]);
    // Another connection's approval reaches the server's document (and so the copy) after the first check.
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(server));
    Y.applyUpdate(server, changeOf(other, (doc) => doc.getMap(APPROVAL_RECORDS).set(approvalKey(VERSION, SKOLELEDER), new Y.Map())));
    Y.applyUpdate(laptop, Y.encodeStateAsUpdate(server));
    expect(named(server, changeOf(laptop, (doc) => doc.getMap(APPROVAL_RECORDS).delete(approvalKey(VERSION, SKOLELEDER))))).toEqual([SKOLELEDER]);
    // That deletion was refused: the server's document still holds the approval, and so must the copy.
    forgetCopy(server);
    const fresh = new Y.Doc();
    Y.applyUpdate(fresh, Y.encodeStateAsUpdate(server));
    expect(named(server, changeOf(fresh, (doc) => doc.getMap(APPROVAL_RECORDS).delete(approvalKey(VERSION, SKOLELEDER))))).toEqual([SKOLELEDER]);
  });

  it('nøglernes form: godkendelse og samtykke', () => {
    expect(personOfKey(APPROVAL_RECORDS, approvalKey(VERSION, TR))).toBe(TR);
    expect(personOfKey(CONSENT_RECORDS, consentKey(ITEM, 'forvarsel', TR))).toBe(TR);
    expect(personOfKey(APPROVAL_RECORDS, `${VERSION}|${TR}|x`)).toBe('');
    expect(personOfKey('punkter', ITEM)).toBeNull();
  });
});

describe('kommentarer, der flytter med deres punkt mellem mødets to dokumenter', () => {
  const COMMENT = '33333333-3333-4333-8333-333333333333';

  /** A meeting document with TR's comment on an open item; and the fortroligt document the item is about to move to. */
  function withComment(): { meeting: Y.Doc; laptopMeeting: Y.Doc; confidential: Y.Doc; laptopConfidential: Y.Doc } {
    const { server: meeting, laptop: laptopMeeting } = meetingPair();
    const change = changeOf(laptopMeeting, (doc) => {
      const record = new Y.Map<unknown>();
      doc.getMap('kommentarer').set(COMMENT, record);
      record.set('itemId', ITEM);
      record.set('authorId', TR);
      record.set('text', new Y.Text('Kan vi tage det lukket?'));
    });
    Y.applyUpdate(meeting, change);
    return { meeting, laptopMeeting, confidential: new Y.Doc(), laptopConfidential: new Y.Doc() };
  }

  const moveIn = (text: string) => (doc: Y.Doc) => {
    const item = new Y.Map<unknown>();
    doc.getMap('punkter').set(ITEM, item);
    item.set('confidential', 1);
    const record = new Y.Map<unknown>();
    doc.getMap('kommentarer').set(COMMENT, record);
    record.set('itemId', ITEM);
    record.set('authorId', TR);
    record.set('text', new Y.Text(text));
  };

  it('ind i det fortrolige dokument præcis som mødedokumentet har den; ændret undervejs nævner den forfatteren', () => {
    const { meeting, confidential, laptopConfidential } = withComment();
    const around = { sibling: meeting, moves: createMoves(), meeting: 'm' };
    const forged = changeOf(new Y.Doc(), moveIn('Skolelederen skrev dette'));
    expect(named(confidential, forged, around)).toEqual([TR]);
    forgetCopy(confidential);
    expect(named(confidential, changeOf(laptopConfidential, moveIn('Kan vi tage det lukket?')), around)).toEqual([]);
  });

  it('det, der forlod et dokument med sit punkt, huskes én gang, som det var, og i ti minutter', () => {
    let now = 0;
    const moves = createMoves(() => now);
    moves.left('m', 'kommentarer/k', 'print');
    expect(moves.arrived('m', 'kommentarer/k', 'andet')).toBe(false);
    expect(moves.arrived('m', 'kommentarer/k', 'print')).toBe(true);
    expect(moves.arrived('m', 'kommentarer/k', 'print')).toBe(false);
    moves.left('m', 'kommentarer/k', 'print');
    now += 10 * 60 * 1000;
    expect(moves.arrived('m', 'kommentarer/k', 'print')).toBe(false);
  });
});
