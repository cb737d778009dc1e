import { describe, expect, it } from 'vitest';
import { documentName } from '../../shared/sync/documents';
import type { ForumAccess } from '../../electron/sync/types';
import { must, seedSlice } from './support';
import { SERVER, documentBytes, itemOf, laptop, send, updateItem, type Laptop } from './sync-support';

const MEMBER: ForumAccess = { right: 'medlem', admin: false, forumPersonId: null };
const READER: ForumAccess = { right: 'læser', admin: false, forumPersonId: null };

/** A forum on A with a copy of it on B (an exchange file, before the forum was shared); then A shares it. */
async function copyBeforeSharing() {
  const a = laptop();
  const b = laptop();
  const { forum, meeting, decisionItem, talkItem } = await seedSlice(a.services);
  const file = await must(a.services, 'exchange.export', { scope: 'forum', id: forum.id });
  await must(b.services, 'exchange.import', { content: Buffer.from(file.base64, 'base64').toString('utf8') });
  a.services.sync.shareForum(forum.id, SERVER);
  return { a, b, forum, meeting, decisionItem, talkItem };
}

/** B joins the forum shared from A (sync.join: the copy speaks only for its user) and receives A's documents. */
function join(b: Laptop, from: Laptop, forumId: string, access = MEMBER): void {
  b.services.sync.shareForum(forumId, SERVER, access, false);
  send(from, b, forumId);
}

describe('en lokal kopi, der tilslutter sig et delt forum', () => {
  it('venter uændret på serverens dokumenter, også over en genstart, og flettes så ind', async () => {
    const { a, b, forum, talkItem } = await copyBeforeSharing();
    await updateItem(a, talkItem.id, { title: 'APV i foråret', background: 'Spørgeskemaet er klar.' });
    await updateItem(b, talkItem.id, { background: 'Svarprocenten var lav.', owner: 'Jonas' });

    join(b, a, forum.id);
    // The server's documents are here, but the copy stands as it was until the merge.
    expect(b.services.sync.copiesWaiting()).toEqual([forum.id]);
    expect(await itemOf(b, talkItem.id)).toMatchObject({ title: 'APV', background: 'Svarprocenten var lav.' });
    // Nothing of the copy went into the documents meanwhile, also not a write made while it waits.
    await updateItem(b, talkItem.id, { background: 'Svarprocenten var lav. Ny runde i maj.' });
    expect(b.services.sync.pendingCount(forum.id)).toBe(0);

    b.services.close();
    const again = laptop(b.path);
    expect(again.services.sync.copiesWaiting()).toEqual([forum.id]);
    again.services.sync.mergeWaitingCopy(forum.id);
    expect(again.services.sync.copiesWaiting()).toEqual([]);

    send(again, a, forum.id);
    for (const l of [a, again]) {
      const item = await itemOf(l, talkItem.id);
      expect(item.title).toBe('APV i foråret');
      expect(item.owner).toBe('Jonas');
      for (const word of ['Spørgeskemaet', 'klar.', 'Svarprocenten', 'lav.', 'maj.']) expect(item.background.split(/\s+/)).toContain(word);
    }
  });

  it('et punkt, kopien har lukket, når ikke læseren med sine ord, og et, serveren har lukket, heller ikke', async () => {
    const { a, b, forum, meeting, decisionItem, talkItem } = await copyBeforeSharing();
    const reader = laptop();
    send(a, reader, forum.id, { confidential: false });
    reader.services.sync.recordAccess(forum.id, READER);
    // Closed in the copy only, with words; closed on the server only, while the copy wrote in it.
    await updateItem(b, decisionItem.id, { confidential: true, background: 'Sygefravær hos Hanne.' });
    await updateItem(a, talkItem.id, { confidential: true });
    send(a, reader, forum.id, { confidential: false });
    await updateItem(b, talkItem.id, { background: 'Konflikten i indskolingen.' });

    join(b, a, forum.id);
    b.services.sync.mergeWaitingCopy(forum.id);
    send(b, a, forum.id);
    send(a, reader, forum.id, { confidential: false });

    const name = documentName({ kind: 'moede', forumId: forum.id, meetingId: meeting.id });
    for (const words of ['Sygefravær', 'Konflikten']) {
      expect(documentBytes(b, name)).not.toContain(words);
      expect(documentBytes(reader, name)).not.toContain(words);
    }
    for (const l of [a, b]) {
      expect(await itemOf(l, decisionItem.id)).toMatchObject({ confidential: true, background: 'Sygefravær hos Hanne.' });
      expect((await itemOf(l, talkItem.id)).confidential).toBe(true);
      expect((await itemOf(l, talkItem.id)).background).toContain('Konflikten');
    }
    expect((await itemOf(reader, decisionItem.id)).title).not.toBe('Fordeling af tilsyn');
  });

  it('en læsers kopi forbliver udelt og venter ikke', async () => {
    const { a, b, forum, talkItem } = await copyBeforeSharing();
    await updateItem(b, talkItem.id, { background: 'Kun læserens egne ord.' });
    b.services.sync.shareForum(forum.id, SERVER, READER, false);
    expect(b.services.sync.copiesWaiting()).toEqual([]);
    expect(b.services.sync.pendingCount(forum.id)).toBe(0);
    expect(documentBytes(a, documentName({ kind: 'forum', forumId: forum.id }))).not.toContain('læserens');
  });

  it('et medlem, der er gjort til læser, mens kopien ventede, sender intet af den og får forummet, som det er delt', async () => {
    const { a, b, forum, talkItem } = await copyBeforeSharing();
    await updateItem(a, talkItem.id, { title: 'APV i foråret' });
    await updateItem(b, talkItem.id, { background: 'Kun kopiens ord.' });
    join(b, a, forum.id);
    b.services.sync.recordAccess(forum.id, READER);
    b.services.sync.mergeWaitingCopy(forum.id);
    expect(b.services.sync.copiesWaiting()).toEqual([]);
    expect(b.services.sync.pendingCount(forum.id)).toBe(0);
    expect((await itemOf(b, talkItem.id)).title).toBe('APV i foråret');
  });

  it('et forum, der er tomt på serveren, får kopien', async () => {
    const { b, forum, meeting, talkItem } = await copyBeforeSharing();
    b.services.sync.shareForum(forum.id, SERVER, MEMBER, false);
    b.services.sync.mergeWaitingCopy(forum.id);
    const fresh = laptop();
    send(b, fresh, forum.id);
    expect((await must(fresh.services, 'meetings.get', { meetingId: meeting.id })).items.map((i) => i.id)).toContain(talkItem.id);
  });
});
