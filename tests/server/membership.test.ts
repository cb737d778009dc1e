// The sync server on its embedded SQLite storage: rights enforced per document, membership changes applied
// to open connections at once, invitations, and logs that hold ids and reasons only.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { kommuneAdmin, redeem, shareForum } from './forum';
import { api } from './laptop';
import * as scenario from './scenarios';
import { sqliteStorage, type ServerProcess, type Storage } from './serverProcess';
import { serverForSuite } from './suite';

describe('synkroniseringsserveren med SQLite', () => {
  let server!: ServerProcess;
  let storage!: Storage;
  serverForSuite(sqliteStorage, (started, made) => {
    server = started;
    storage = made;
  });

  it('medlemmer skriver og læser hinandens ændringer', () => scenario.membersWriteAndRead(server));
  it('en læser kan ikke skrive og modtager ikke én byte af det fortrolige', () => scenario.readerReadsOnlyAndNeverReceivesConfidential(server));
  it('et fjernet medlem afbrydes med det samme og afvises bagefter', () => scenario.removedMemberIsCutOffAtOnce(server));
  it('en spærret enhed afbrydes med det samme og afvises bagefter', () => scenario.revokedDeviceIsCutOffAtOnce(server));
  it('en ret sænket til læser gælder med det samme', () => scenario.lowerRightTakesEffectAtOnce(server));
  it('en invitationskode kan bruges én gang og udløber', () => scenario.invitationsAreSingleUseAndExpire(server));
  it('falske nøgler, ukendte dokumenter og fremmede afvises; samme møde-id i et andet forum er et andet møde', () => scenario.forgedAndStrangersAreDenied(server));
  it('indbakken er indsenderens og forummets medlemmers', () => scenario.inboxBelongsToSubmitterAndMembers(server));
  it('et låst referat afviser skrivning, også på forbindelser der var åbne', () => scenario.lockedReferatRefusesWrites(server));

  it('en person med en enhed kommer med i endnu et forum på samme enhed', () => scenario.personJoinsAnotherForumOnSameDevice(server));
  it('medlemslisten viser ret og enheder, og forummet beholder en administrator', () => scenario.membersAreListedWithRightsAndDevices(server));
  it('en bærbar åbner 300 møder på én forbindelse', () => scenario.laptopSyncsHundredsOfMeetings(server, 300));
  it('kommandolinjen udsteder invitationer til et forum og til en administrator', async () => {
    const run = promisify(execFile);
    const cli = (...args: string[]) => run(process.execPath, [join(__dirname, '../../dist/server/server.cjs'), ...args]);
    const forum = await shareForum(server);
    const kredsformand = randomUUID();
    const { stdout } = await cli('invite', '--forum', forum.forumId, '--ret', 'læser', '--navn', 'Kredsformand', '--forum-person', kredsformand, ...storage.args);
    const kode = /Invitationskode: (\S+)/.exec(stdout)?.[1] ?? '';
    scenario.secrets.push(kode);
    const reader = await redeem(server, kode, 'Kredsens bærbar');
    const me = await api<{ fora: { forumId: string; ret: string; admin: boolean }[] }>(server.http, 'GET', '/api/mig', { credential: reader.credential });
    expect(me.body.fora).toEqual([{ forumId: forum.forumId, navn: 'TRIO Vestskolen', ret: 'læser', admin: false, forumPersonId: kredsformand }]);
    await expect(cli('invite', '--forum', forum.forumId, '--ret', 'medlem', '--forum-person', 'TR', ...storage.args)).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/--forum-person skal være personens id/),
    });

    const admin = await cli('invite', '--admin', ...storage.args);
    const adminCode = /Invitationskode: (\S+)/.exec(admin.stdout)?.[1] ?? '';
    scenario.secrets.push(adminCode);
    const second = await redeem(server, adminCode, 'IT-afdelingens pc');
    const secondMe = await api<{ kommuneAdmin: boolean }>(server.http, 'GET', '/api/mig', { credential: second.credential });
    expect(secondMe.body.kommuneAdmin).toBe(true);

    await expect(cli('invite', '--forum', forum.forumId, '--ret', 'ejer', ...storage.args)).rejects.toMatchObject({ code: 2, stderr: expect.stringMatching(/«medlem» eller «læser»/) });
    const help = await cli('--help');
    expect(help.stdout).toMatch(/invite --admin/);
  });

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
