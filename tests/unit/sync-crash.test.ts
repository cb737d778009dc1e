import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { documentName } from '../../shared/sync/documents';
import { killHard, startChild } from './child';
import { itemOf, laptop, send, sharedTrio } from './sync-support';

describe('en bærbar, der dør lige efter en skrivning', () => {
  it('kill -9 efter en besvaret skrivning: ændringen står i rækkerne og i loggen, og den kommer videre til de andre', async () => {
    const { laptops, forum, meeting, items } = await sharedTrio(2);
    const [a, b] = laptops as [(typeof laptops)[0], (typeof laptops)[0]];
    const item = items[1]!;
    a.services.close();

    const notes = 'Skrevet lige før strømmen gik';
    const child = startChild(['noter', a.path, item.id, notes]);
    await child.line(/^STOPPET GEMT$/);
    await killHard(child);

    const again = laptop(a.path);
    expect((await itemOf(again, item.id)).notes).toBe(notes);
    const name = documentName({ kind: 'moede', forumId: forum.id, meetingId: meeting.id });
    // Loaded from the log alone, as at the next start.
    const record = again.services.sync.docFor(name).getMap('punkter').get(item.id);
    expect(record instanceof Y.Map ? String(record.get('notes')) : null).toBe(notes);
    expect(again.services.sync.pendingCount(forum.id)).toBeGreaterThan(0);

    send(again, b, forum.id);
    expect((await itemOf(b, item.id)).notes).toBe(notes);
  }, 60_000);
});
