// The sync server on its embedded SQLite storage: rights enforced per document, membership changes applied
// to open connections at once, invitations, and logs that hold ids and reasons only.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { kommuneAdmin } from './forum';
import * as scenario from './scenarios';
import { sqliteStorage, startServerProcess, type ServerProcess, type Storage } from './serverProcess';

describe('synkroniseringsserveren med SQLite', () => {
  let storage: Storage;
  let server: ServerProcess;

  beforeAll(async () => {
    storage = sqliteStorage();
    server = await startServerProcess(storage);
  });
  afterEach(() => scenario.closeLaptops());
  afterAll(async () => {
    await server?.stop();
    await storage?.cleanup();
  });

  it('medlemmer skriver og læser hinandens ændringer', () => scenario.membersWriteAndRead(server));
  it('en læser kan ikke skrive og modtager ikke én byte af det fortrolige', () => scenario.readerReadsOnlyAndNeverReceivesConfidential(server));
  it('et fjernet medlem afbrydes med det samme og afvises bagefter', () => scenario.removedMemberIsCutOffAtOnce(server));
  it('en spærret enhed afbrydes med det samme og afvises bagefter', () => scenario.revokedDeviceIsCutOffAtOnce(server));
  it('en ret sænket til læser gælder med det samme', () => scenario.lowerRightTakesEffectAtOnce(server));
  it('en invitationskode kan bruges én gang og udløber', () => scenario.invitationsAreSingleUseAndExpire(server));
  it('falske nøgler, ukendte dokumenter, fremmede og et møde i et andet forum afvises', () => scenario.forgedAndStrangersAreDenied(server));
  it('indbakken er indsenderens og forummets medlemmers', () => scenario.inboxBelongsToSubmitterAndMembers(server));
  it('et låst referat afviser skrivning, også på forbindelser der var åbne', () => scenario.lockedReferatRefusesWrites(server));

  it('loggen har id’er og årsager, aldrig indhold, nøgler eller koder', async () => {
    const admin = await kommuneAdmin(server);
    const output = server.output();
    expect(server.logs().some((line) => line.event === 'connected' && line.person && line.forum && line.document)).toBe(true);
    expect(server.logs().some((line) => line.event === 'denied' && line.reason === 'confidential')).toBe(true);
    expect(scenario.secrets.length).toBeGreaterThan(5);
    for (const secret of [...scenario.secrets, admin.credential]) expect(output).not.toContain(secret);
    // The first administrator's code is printed once at the start, and only there.
    expect(output.split(server.firstAdminCode ?? '').length - 1).toBe(1);
  });
});
