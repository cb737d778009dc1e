// A laptop that already holds a forum (a copy from an exchange file, made before the forum was shared) joins the
// shared forum: its copy is merged into the server's documents, not raced against them, so what a member wrote
// meanwhile and what the copy holds both stay, on every laptop.
import { describe, expect, it } from 'vitest';
import { must } from '../unit/support';
import { startAppLaptop, serverInvitationCode, type AppLaptop } from './appLaptops';
import { until } from './laptop';
import { sqliteStorage, type ServerProcess, type Storage } from './serverProcess';
import { serverForSuite } from './suite';

async function itemAt(laptop: AppLaptop, meetingId: string, itemId: string) {
  const result = await laptop.app.call('meetings.get', { meetingId });
  return result.ok ? result.value.items.find((item) => item.id === itemId) : undefined;
}

describe('en lokal kopi, der tilslutter sig et delt forum', () => {
  let server: ServerProcess;
  let storage: Storage;
  serverForSuite(sqliteStorage, (started, made) => {
    server = started;
    storage = made;
  });

  it('flettes ind: medlemmets nye titel og begges noter står på alle bærbare', { timeout: 120_000 }, async () => {
    const skoleleder = await startAppLaptop('Skolelederens bærbar');
    await must(skoleleder.app, 'sync.join', { serverAddress: server.http, code: await serverInvitationCode(storage, '--deler') });
    const forum = await must(skoleleder.app, 'forums.create', { kind: 'trio', name: 'TRIO Østskolen', school: 'Østskolen' });
    const meeting = await must(skoleleder.app, 'meetings.create', { forumId: forum.id, title: 'TRIO-møde', startsAt: '2026-12-14T14:00', durationMinutes: 90 });
    const item = await must(skoleleder.app, 'agenda.addItem', { meetingId: meeting.id, title: 'Tilsyn', type: 'droeftelse', minutes: 20, background: 'Første udkast.' });
    const mette = await must(skoleleder.app, 'members.add', { forumId: forum.id, name: 'Mette Lund', role: 'Skoleleder', fromDate: '2026-08-01' });
    const jonas = await must(skoleleder.app, 'members.add', { forumId: forum.id, name: 'Jonas Holm', role: 'TR', fromDate: '2026-08-01' });
    // The TR's older copy of the forum, from before it was shared.
    const file = await must(skoleleder.app, 'exchange.export', { scope: 'forum', id: forum.id });
    await must(skoleleder.app, 'sync.shareForum', { forumId: forum.id, serverAddress: server.http, forumPersonId: mette.personId });

    // The skoleleder renames the item and writes in it; the TR, offline with the copy, writes in it too.
    const edit = { itemId: item.id, type: 'droeftelse' as const, minutes: 20 };
    await must(skoleleder.app, 'agenda.updateItem', { ...edit, title: 'Tilsyn i frikvarteret', background: 'Første udkast. Gården mangler voksne.' });
    const tr = await startAppLaptop('TR’s bærbar');
    await must(tr.app, 'exchange.import', { content: Buffer.from(file.base64, 'base64').toString('utf8') });
    await must(tr.app, 'agenda.updateItem', { ...edit, title: 'Tilsyn', background: 'Første udkast. Bussen kommer for sent.' });

    const invitation = await must(skoleleder.app, 'sync.invite', { forumId: forum.id, right: 'medlem', name: 'TR', forumPersonId: jonas.personId });
    await must(tr.app, 'sync.join', { serverAddress: server.http, code: invitation.code });

    const merged = async (laptop: AppLaptop) => {
      const held = await itemAt(laptop, meeting.id, item.id);
      return held?.title === 'Tilsyn i frikvarteret' && /Gården/.test(held.background) && /Bussen/.test(held.background);
    };
    await until(async () => (await merged(tr)) && (await merged(skoleleder)), 30_000, 'titlen og begges noter på begge bærbare');
    const sent = async (laptop: AppLaptop) => (await must(laptop.app, 'sync.status', {})).every((s) => s.waiting === 0 && s.copyWaiting === undefined);
    await until(async () => (await sent(tr)) && (await sent(skoleleder)), 30_000, 'alt sendt');
    for (const laptop of [skoleleder, tr]) {
      const held = await itemAt(laptop, meeting.id, item.id);
      expect(held?.title).toBe('Tilsyn i frikvarteret');
      // Every word of both, as an exchange file imported into a shared forum keeps them (importMerge.ts).
      const words = new Set(held?.background.split(/\s+/));
      for (const word of 'Første udkast. Gården mangler voksne. Bussen kommer for sent.'.split(' ')) expect(words).toContain(word);
    }
    expect(server.logs().filter((line) => line.event === 'refused')).toEqual([]);
  });
});
