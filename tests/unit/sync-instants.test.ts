import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { ITEMS } from '../../electron/sync/codec/meetingRecords';
import { readHistory } from '../../electron/sync/history';
import { keptEntries } from '../../electron/sync/openedWords';
import { KEPT_WORDS, keptKey } from '../../shared/sync/keptWords';
import { HISTORY_MAP } from '../../shared/sync/personKeys';

// Times another laptop wrote: a screen formats them with date-fns, which throws on a date that does not exist.
const BAD_TIMES = ['2026-02-31T10:00:00.000Z', '2026-13-01T10:00:00.000Z', 'i går', '7. december'];
const GOOD_TIME = '2026-12-07T10:14:00.000Z';

describe('tider fra en anden bærbar', () => {
  test('ord gemt til medlemmerne med en tid, der ikke findes, lades ude', () => {
    const doc = new Y.Doc();
    const kept = doc.getMap(KEPT_WORDS);
    [GOOD_TIME, ...BAD_TIMES].forEach((tid, index) => kept.set(keptKey('punkt', String(index)), { itemId: 'punkt', hvem: null, tid, ord: { title: 'Trivsel' } }));
    expect([...keptEntries(doc).values()].map((entry) => entry.tid)).toEqual([GOOD_TIME]);
  });

  test('en historiklinje med en tid, der ikke findes, lades ude', () => {
    const doc = new Y.Doc();
    const entries = new Y.Array<unknown>();
    doc.getMap(HISTORY_MAP).set(`${ITEMS.type}/punkt`, entries);
    entries.push([GOOD_TIME, ...BAD_TIMES].map((tid) => ({ hvem: null, tid, felter: ['title'], ny: false })));
    expect(readHistory([doc], ITEMS, 'punkt').map((entry) => entry.at)).toEqual([GOOD_TIME]);
  });
});
