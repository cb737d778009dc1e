// The same membership scenario on PostgreSQL storage, as a kommune runs it.
import { describe, it } from 'vitest';
import { postgresStorage } from './postgresStorage';
import * as scenario from './scenarios';
import type { ServerProcess } from './serverProcess';
import { serverForSuite } from './suite';

describe('synkroniseringsserveren med PostgreSQL', () => {
  let server!: ServerProcess;
  serverForSuite(postgresStorage, (started) => {
    server = started;
  });

  it('medlemmer skriver og læser hinandens ændringer', () => scenario.membersWriteAndRead(server));
  it('en læser kan ikke skrive og modtager ikke én byte af det fortrolige', () => scenario.readerReadsOnlyAndNeverReceivesConfidential(server));
  it('et fjernet medlem afbrydes med det samme og afvises bagefter', () => scenario.removedMemberIsCutOffAtOnce(server));
  it('en spærret enhed afbrydes med det samme og afvises bagefter', () => scenario.revokedDeviceIsCutOffAtOnce(server));
  it('en invitationskode kan bruges én gang og udløber', () => scenario.invitationsAreSingleUseAndExpire(server));
  it('et låst referat afviser skrivning', () => scenario.lockedReferatRefusesWrites(server));
});
