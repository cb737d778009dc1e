// Who is here: the server writes each laptop's person into the awareness of a forum index itself, so
// nobody appears as someone else, a læser shows nothing but who they are, and nothing else rides along.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { documentName } from '../../shared/sync/documents';
import { PRESENCE_FIELD } from '../../shared/sync/presence';
import { shareForum, type SharedForum } from './forum';
import { until, type Opened } from './laptop';
import { laptop } from './scenarios';
import { sqliteStorage, type ServerProcess } from './serverProcess';
import { serverForSuite } from './suite';

/** What an observer holds of another laptop's presence, by that laptop's client id. */
function seen(observer: Opened, of: Opened): Record<string, unknown> | undefined {
  return observer.provider.awareness?.getStates().get(of.doc.clientID) as Record<string, unknown> | undefined;
}

const presenceIn = (observer: Opened, of: Opened) => seen(observer, of)?.[PRESENCE_FIELD] as Record<string, unknown> | undefined;

describe('hvem er her (awareness på forumindekset)', () => {
  let server!: ServerProcess;
  serverForSuite(sqliteStorage, (started) => {
    server = started;
  });

  async function indexes(forum: SharedForum) {
    const index = documentName({ kind: 'forum', forumId: forum.forumId });
    const admin = await laptop(server, forum.admin).sync(index);
    const medlem = await laptop(server, forum.medlem).sync(index);
    const laeser = await laptop(server, forum.laeser).sync(index);
    // As Samtalerum's laptops do: present from the first exchange, with nothing else to say.
    for (const opened of [admin, medlem, laeser]) opened.provider.setAwarenessField(PRESENCE_FIELD, {});
    return { index, admin, medlem, laeser };
  }

  it('serveren skriver forbindelsens person ind: den, der udgiver sig for en anden, vises som sig selv', async () => {
    const forum = await shareForum(server);
    const { admin, medlem } = await indexes(forum);
    const moedeId = randomUUID();
    medlem.provider.setAwarenessField(PRESENCE_FIELD, { personId: forum.admin.personId, navn: 'Skolelederen', leder: { moedeId } });
    await until(() => presenceIn(admin, medlem)?.['leder'] !== undefined, 5000, 'administratoren ser medlemmet');
    expect(seen(admin, medlem)).toEqual({ [PRESENCE_FIELD]: { personId: forum.medlem.personId, navn: 'Ny medlem', leder: { moedeId } } });
  });

  it('en læsers awareness siger kun, hvem læseren er: intet om at lede et møde og ingen andre felter', async () => {
    const forum = await shareForum(server);
    const { admin, laeser } = await indexes(forum);
    laeser.provider.awareness?.setLocalState({ [PRESENCE_FIELD]: { leder: { moedeId: randomUUID() } }, markoer: { punkt: 'x' } });
    await until(() => presenceIn(admin, laeser)?.['personId'] === forum.laeser.personId, 5000, 'administratoren ser læseren');
    // The update after the claim has arrived too (a second field set) and still carries nothing but the person.
    laeser.provider.setAwarenessField('farve', 'roed');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(seen(admin, laeser)).toEqual({ [PRESENCE_FIELD]: { personId: forum.laeser.personId, navn: 'Ny læser' } });
  });

  it('en bærbar kan ikke overtage eller slette en andens klient-id', async () => {
    const forum = await shareForum(server);
    const { index, admin, medlem } = await indexes(forum);
    await until(() => presenceIn(admin, medlem)?.['personId'] === forum.medlem.personId, 5000, 'administratoren ser medlemmet');
    // The læser's laptop uses the member's client id for its own document and bumps the clock past it.
    const stolen = new Y.Doc();
    stolen.clientID = medlem.doc.clientID;
    const impostor = laptop(server, forum.laeser).open(index, stolen);
    await impostor.outcome;
    for (let i = 0; i < 5; i += 1) impostor.provider.setAwarenessField(PRESENCE_FIELD, { n: i });
    impostor.provider.awareness?.setLocalState(null);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(presenceIn(admin, medlem)).toEqual({ personId: forum.medlem.personId, navn: 'Ny medlem' });
  });

  it('den, der lukker forbindelsen, forsvinder for de andre', async () => {
    const forum = await shareForum(server);
    const index = documentName({ kind: 'forum', forumId: forum.forumId });
    const admin = await laptop(server, forum.admin).sync(index);
    const member = laptop(server, forum.medlem);
    const medlem = await member.sync(index);
    medlem.provider.setAwarenessField(PRESENCE_FIELD, {});
    await until(() => presenceIn(admin, medlem) !== undefined, 5000, 'medlemmet er her');
    member.close();
    await until(() => seen(admin, medlem) === undefined, 5000, 'medlemmet er væk');
  });

  it('et mødedokuments awareness bærer intet', async () => {
    const forum = await shareForum(server);
    const moede = documentName({ kind: 'moede', forumId: forum.forumId, meetingId: randomUUID() });
    const admin = await laptop(server, forum.admin).sync(moede);
    const medlem = await laptop(server, forum.medlem).sync(moede);
    medlem.provider.setAwarenessField(PRESENCE_FIELD, {});
    medlem.provider.setAwarenessField(PRESENCE_FIELD, { leder: { moedeId: randomUUID() } });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(seen(admin, medlem)).toBeUndefined();
  });
});
