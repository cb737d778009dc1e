// The inboxes on a running server: which forums take input, which inboxes a forum's members open, and each
// writer held to their own part of an inbox document (the sender their submissions, members the answers).
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { documentName } from '../../shared/sync/documents';
import { INBOX_ANSWERS, INBOX_SUBMISSIONS } from '../../shared/sync/inbox';
import { shareForum, type SharedForum } from './forum';
import { acknowledged, api, until, within } from './laptop';
import { laptop } from './scenarios';
import { sqliteStorage, type ServerProcess } from './serverProcess';
import { serverForSuite } from './suite';

function submission(doc: Y.Doc, title: string): string {
  const id = randomUUID();
  const record = new Y.Map<unknown>();
  doc.getMap(INBOX_SUBMISSIONS).set(id, record);
  record.set('titel', title);
  return id;
}

function answer(doc: Y.Doc, submissionId: string, outcome: string): void {
  const record = new Y.Map<unknown>();
  doc.getMap(INBOX_ANSWERS).set(submissionId, record);
  record.set('udfald', outcome);
}

/** What a fresh member laptop gets from the server for the inbox: the server's stored state. */
async function stored(server: ServerProcess, forum: SharedForum, inbox: string): Promise<{ submissions: string[]; answers: string[] }> {
  const fresh = laptop(server, forum.medlem);
  const { doc } = await fresh.sync(inbox);
  const result = { submissions: [...doc.getMap(INBOX_SUBMISSIONS).keys()].sort(), answers: [...doc.getMap(INBOX_ANSWERS).keys()].sort() };
  fresh.close();
  return result;
}

describe('indbakkerne på serveren', () => {
  let server!: ServerProcess;
  serverForSuite(sqliteStorage, (started) => {
    server = started;
  });

  it('alle delte fora tager imod input, og listen viser kun id og navn', async () => {
    const school = await shareForum(server);
    const sender = (await shareForum(server)).medlem;
    const listed = await api<{ fora: Record<string, unknown>[] }>(server.http, 'GET', '/api/indbakker', { credential: sender.credential });
    expect(listed.status).toBe(200);
    const entry = listed.body.fora.find((forum) => forum['forumId'] === school.forumId);
    // The school's index has not arrived on the server: its kind is not known yet.
    expect(entry).toEqual({ forumId: school.forumId, navn: 'TRIO Vestskolen', art: null });
    const stranger = await api<{ fejl: string }>(server.http, 'GET', '/api/indbakker', { credential: 'x'.repeat(43) });
    expect(stranger.status).toBe(401);
    expect(stranger.body.fejl).toMatch(/ikke kendt/);
  });

  it('listen siger, hvilken slags forum hvert er, ud fra forummets eget dokument', async () => {
    const praksis = await shareForum(server);
    const trio = await shareForum(server);
    for (const [forum, kind] of [[praksis, 'praksisforum'], [trio, 'noget andet']] as const) {
      const index = await laptop(server, forum.admin).sync(documentName({ kind: 'forum', forumId: forum.forumId }));
      index.doc.getMap('forum').set('kind', kind);
      await acknowledged(index.provider);
    }
    const listed = await api<{ fora: Record<string, unknown>[] }>(server.http, 'GET', '/api/indbakker', { credential: trio.medlem.credential });
    const artOf = (forumId: string) => listed.body.fora.find((forum) => forum['forumId'] === forumId)?.['art'];
    expect(artOf(praksis.forumId)).toBe('praksisforum');
    // A kind the app does not know is no kind.
    expect(artOf(trio.forumId)).toBeNull();
  });

  it('medlemmerne ser, hvem der har sendt til forummet; en læser og en fremmed får et dansk afslag', async () => {
    const school = await shareForum(server);
    const sender = (await shareForum(server)).medlem;
    const inbox = documentName({ kind: 'indbakke', forumId: school.forumId, personId: sender.personId });
    const own = await laptop(server, sender).sync(inbox);
    submission(own.doc, 'Lærerne savner tid til forberedelse');
    await acknowledged(own.provider);
    const listed = await api<{ indbakker: { personId: string; navn: string }[] }>(server.http, 'GET', `/api/fora/${school.forumId}/indbakker`, {
      credential: school.medlem.credential,
    });
    expect(listed.status).toBe(200);
    expect(listed.body.indbakker).toEqual([{ personId: sender.personId, navn: 'Ny medlem' }]);
    for (const who of [school.laeser, sender]) {
      const refused = await api<{ fejl: string }>(server.http, 'GET', `/api/fora/${school.forumId}/indbakker`, { credential: who.credential });
      expect(refused.status).toBe(403);
      expect(refused.body.fejl).toBe('Kun forummets medlemmer kan se forummets indbakke.');
    }
  });

  it('afsenderen skriver kun sine indsendelser, medlemmerne kun svarene, og en læser kommer ikke ind', async () => {
    const school = await shareForum(server);
    const sender = (await shareForum(server)).medlem;
    const inbox = documentName({ kind: 'indbakke', forumId: school.forumId, personId: sender.personId });
    const own = await laptop(server, sender).sync(inbox);
    const sent = submission(own.doc, 'Inklusion fylder meget');
    await acknowledged(own.provider);

    // The member answers, as the school does.
    const member = await laptop(server, school.medlem).sync(inbox);
    await until(() => member.doc.getMap(INBOX_SUBMISSIONS).has(sent), 5000, 'medlemmet ser indsendelsen');
    answer(member.doc, sent, 'afvist');
    await acknowledged(member.provider);
    await until(() => own.doc.getMap(INBOX_ANSWERS).has(sent), 5000, 'svaret når afsenderen');

    // The sender answering their own submission is refused, and so is a member writing a submission.
    const forged = await laptop(server, sender).sync(inbox);
    answer(forged.doc, randomUUID(), 'optaget');
    await server.waitForLog((line) => line.event === 'refused' && line.reason === 'inbox-foreign-part' && line.person === sender.personId);
    const planted = await laptop(server, school.admin).sync(inbox);
    submission(planted.doc, 'Skrevet i afsenderens navn');
    await server.waitForLog((line) => line.event === 'refused' && line.reason === 'inbox-foreign-part' && line.person === school.admin.personId);
    // Deleting the sender's submission from inside the answers' writer is a change to the submissions too.
    const deleter = await laptop(server, school.medlem).sync(inbox);
    deleter.doc.getMap(INBOX_SUBMISSIONS).delete(sent);
    await until(
      () => server.logs().filter((line) => line.reason === 'inbox-foreign-part' && line.person === school.medlem.personId).length >= 1,
      5000,
      'afvisning af sletningen',
    );
    expect(await stored(server, school, inbox)).toEqual({ submissions: [sent], answers: [sent] });

    // A læser cannot open someone else's inbox, so cannot accept or decline anything.
    expect(await within(laptop(server, school.laeser).open(inbox).outcome, 5000, 'læserens indbakke')).toEqual({ kind: 'denied', reason: 'confidential' });
    // A sender cannot open another sender's inbox to the same forum.
    const other = documentName({ kind: 'indbakke', forumId: school.forumId, personId: school.laeser.personId });
    expect(await within(laptop(server, sender).open(other).outcome, 5000, 'en andens indbakke')).toEqual({ kind: 'denied', reason: 'not-member' });
    expect(server.output()).not.toContain('Inklusion fylder meget');
  });
});
