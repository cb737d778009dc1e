import { randomUUID } from 'node:crypto';
import { one, type Database, type Queries } from '../storage/database';
import {
  closeHistoryDoor,
  forumPersonOf,
  historyDoorOpen,
  invitedForumPerson,
  inviteForumPerson,
  linkForumPerson,
  openHistoryDoor,
} from './forumPersons';
import { Refusal } from './refusal';
import { hashSecret, newCredential, newInvitationCode, normaliseCode } from './secrets';

export type Ret = 'medlem' | 'læser';
export const RETTIGHEDER: readonly Ret[] = ['medlem', 'læser'];

export interface Membership {
  ret: Ret;
  admin: boolean;
}

export interface KnownDevice {
  deviceId: string;
  personId: string;
  revoked: boolean;
  kommuneAdmin: boolean;
}

export interface InvitationRequest {
  forumId: string | null;
  ret: Ret | null;
  kommuneAdmin: boolean;
  navn: string;
  createdBy: string | null;
  validSeconds: number;
  /** The forum person the invitation is for (a forum invitation only); redeeming it links the redeemer to it. */
  forumPersonId?: string | null;
}

export interface Redeemed {
  personId: string;
  deviceId: string;
  credential: string | null;
  forumId: string | null;
}

export interface MemberView {
  personId: string;
  navn: string;
  ret: Ret;
  admin: boolean;
  forumPersonId: string | null;
  enheder?: { deviceId: string; navn: string; oprettet: string; spaerret: string | null }[];
}

const now = (): string => new Date().toISOString();

/** The server's membership table: persons, their devices, forums, members with a right, and invitations. */
export class Registry {
  constructor(private readonly db: Database) {}

  async hasPersons(): Promise<boolean> {
    return (await one(this.db, 'SELECT 1 AS found FROM persons LIMIT 1')) !== undefined;
  }

  async createInvitation(request: InvitationRequest): Promise<{ kode: string; udloeber: string }> {
    const kode = newInvitationCode();
    const udloeber = new Date(Date.now() + request.validSeconds * 1000).toISOString();
    await this.db.transaction(async (tx) => {
      await tx.run(
        `INSERT INTO invitations (code_hash, forum_id, ret, kommune_admin, navn, created_by, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
        [hashSecret(kode), request.forumId, request.ret, request.kommuneAdmin ? 1 : 0, request.navn, request.createdBy, udloeber],
      );
      if (request.forumId !== null && request.forumPersonId) await inviteForumPerson(tx, hashSecret(kode), request.forumPersonId);
    });
    return { kode, udloeber };
  }

  /**
   * Uses a code once: the first to redeem it wins, in one transaction. A new laptop becomes a new person
   * with a new device; a person who already has a device (the caller) joins the forum with it.
   */
  async redeem(code: string, deviceName: string, caller: { personId: string; deviceId: string } | null): Promise<Redeemed> {
    return this.db.transaction(async (tx) => {
      const invitation = await one<{ forum_id: string | null; ret: Ret | null; kommune_admin: number; navn: string; expires_at: string; used_at: string | null }>(
        tx,
        'SELECT forum_id, ret, kommune_admin, navn, expires_at, used_at FROM invitations WHERE code_hash = ?',
        [hashSecret(normaliseCode(code))],
      );
      if (!invitation) throw new Refusal(404, 'Invitationskoden findes ikke. Tjek at den er skrevet rigtigt.', 'ukendt');
      if (invitation.used_at !== null) throw new Refusal(410, 'Invitationskoden er allerede brugt. Bed om en ny.', 'brugt');
      if (invitation.expires_at <= now()) throw new Refusal(410, 'Invitationskoden er udløbet. Bed om en ny.', 'udloebet');
      const claimed = await tx.run('UPDATE invitations SET used_at = ? WHERE code_hash = ? AND used_at IS NULL', [now(), hashSecret(normaliseCode(code))]);
      if (claimed !== 1) throw new Refusal(410, 'Invitationskoden er allerede brugt. Bed om en ny.', 'brugt');

      let personId: string;
      let device: { deviceId: string; credential: string | null };
      if (caller) {
        personId = caller.personId;
        device = { deviceId: caller.deviceId, credential: null };
      } else {
        personId = randomUUID();
        await tx.run('INSERT INTO persons (id, navn, kommune_admin, created_at) VALUES (?, ?, 0, ?)', [personId, invitation.navn, now()]);
        device = await this.addDevice(tx, personId, deviceName);
      }
      if (invitation.kommune_admin === 1) await tx.run('UPDATE persons SET kommune_admin = 1 WHERE id = ?', [personId]);
      if (invitation.forum_id === null && invitation.kommune_admin === 0) {
        await tx.run('INSERT INTO forum_sharers (person_id, granted_at) VALUES (?, ?) ON CONFLICT (person_id) DO NOTHING', [personId, now()]);
      }
      if (invitation.forum_id !== null && invitation.ret !== null) {
        await tx.run(
          `INSERT INTO members (forum_id, person_id, ret, admin) VALUES (?, ?, ?, 0)
           ON CONFLICT (forum_id, person_id) DO UPDATE SET ret = excluded.ret`,
          [invitation.forum_id, personId, invitation.ret],
        );
        const forumPersonId = await invitedForumPerson(tx, hashSecret(normaliseCode(code)));
        if (forumPersonId !== null) await linkForumPerson(tx, invitation.forum_id, personId, forumPersonId);
      }
      await tx.run('UPDATE invitations SET used_by = ? WHERE code_hash = ?', [personId, hashSecret(normaliseCode(code))]);
      return { personId, deviceId: device.deviceId, credential: device.credential, forumId: invitation.forum_id };
    });
  }

  private async addDevice(tx: Queries, personId: string, deviceName: string): Promise<{ deviceId: string; credential: string }> {
    const deviceId = randomUUID();
    const credential = newCredential();
    await tx.run('INSERT INTO devices (id, person_id, navn, credential_hash, created_at) VALUES (?, ?, ?, ?, ?)', [
      deviceId,
      personId,
      deviceName,
      hashSecret(credential),
      now(),
    ]);
    return { deviceId, credential };
  }

  async deviceByCredential(credential: string): Promise<KnownDevice | null> {
    const row = await one<{ id: string; person_id: string; revoked_at: string | null; kommune_admin: number }>(
      this.db,
      'SELECT d.id, d.person_id, d.revoked_at, p.kommune_admin FROM devices d JOIN persons p ON p.id = d.person_id WHERE d.credential_hash = ?',
      [hashSecret(credential)],
    );
    return row ? { deviceId: row.id, personId: row.person_id, revoked: row.revoked_at !== null, kommuneAdmin: row.kommune_admin === 1 } : null;
  }

  async device(deviceId: string): Promise<{ personId: string; revoked: boolean } | null> {
    const row = await one<{ person_id: string; revoked_at: string | null }>(this.db, 'SELECT person_id, revoked_at FROM devices WHERE id = ?', [deviceId]);
    return row ? { personId: row.person_id, revoked: row.revoked_at !== null } : null;
  }

  async revokeDevice(deviceId: string): Promise<void> {
    await this.db.run('UPDATE devices SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL', [now(), deviceId]);
  }

  async forumExists(forumId: string): Promise<boolean> {
    return (await one(this.db, 'SELECT 1 AS found FROM forums WHERE id = ?', [forumId])) !== undefined;
  }

  /** Whether the kommune lets the person share a forum: a kommune administrator, or one it gave a sharing invitation. */
  async mayShareForums(personId: string): Promise<boolean> {
    const row = await one(
      this.db,
      'SELECT 1 AS found FROM persons p WHERE p.id = ? AND (p.kommune_admin = 1 OR EXISTS (SELECT 1 FROM forum_sharers s WHERE s.person_id = p.id))',
      [personId],
    );
    return row !== undefined;
  }

  /** Shares a forum: the sharer its first admin, linked to the forum person they said they are, and their device may upload the history. */
  async createForum(forumId: string, navn: string, sharer: { personId: string; deviceId: string; forumPersonId: string | null }): Promise<void> {
    await this.db.transaction(async (tx) => {
      if (await one(tx, 'SELECT 1 AS found FROM forums WHERE id = ?', [forumId])) throw new Refusal(409, 'Forummet er allerede delt på serveren.');
      await tx.run('INSERT INTO forums (id, navn, created_by, created_at) VALUES (?, ?, ?, ?)', [forumId, navn, sharer.personId, now()]);
      await tx.run("INSERT INTO members (forum_id, person_id, ret, admin) VALUES (?, ?, 'medlem', 1)", [forumId, sharer.personId]);
      if (sharer.forumPersonId !== null) await linkForumPerson(tx, forumId, sharer.personId, sharer.forumPersonId);
      await openHistoryDoor(tx, forumId, sharer.deviceId, new Date());
    });
  }

  /** The forum person the member is (null: none, or not a member). */
  async forumPerson(forumId: string, personId: string): Promise<string | null> {
    return forumPersonOf(this.db, forumId, personId);
  }

  /** Whether the device may still upload the forum's history (others' old approvals) now. */
  async mayUploadHistory(forumId: string, deviceId: string): Promise<boolean> {
    return historyDoorOpen(this.db, forumId, deviceId, new Date());
  }

  /** The sharer's first upload is done: nobody may write others' approvals in the forum from now on. */
  async historyUploaded(forumId: string): Promise<boolean> {
    return closeHistoryDoor(this.db, forumId, new Date());
  }

  /**
   * The forums a person may send input to: every forum shared on the server takes input from anyone the
   * kommune knows (docs/server.md «Indbakker»), so this is the list of shared forums, by id and name only.
   */
  async forumsTakingInput(): Promise<{ forumId: string; navn: string }[]> {
    const rows = await this.db.all<{ id: string; navn: string }>('SELECT id, navn FROM forums ORDER BY navn, id');
    return rows.map((row) => ({ forumId: row.id, navn: row.navn }));
  }

  /** The names of the given persons, as the server knows them (from their invitation or sign-in). */
  async personNames(personIds: readonly string[]): Promise<Map<string, string>> {
    if (personIds.length === 0) return new Map();
    const rows = await this.db.all<{ id: string; navn: string }>(
      `SELECT id, navn FROM persons WHERE id IN (${personIds.map(() => '?').join(', ')})`,
      [...personIds],
    );
    return new Map(rows.map((row) => [row.id, row.navn]));
  }

  async membership(forumId: string, personId: string): Promise<Membership | null> {
    const row = await one<{ ret: Ret; admin: number }>(this.db, 'SELECT ret, admin FROM members WHERE forum_id = ? AND person_id = ?', [forumId, personId]);
    return row ? { ret: row.ret, admin: row.admin === 1 } : null;
  }

  async forumsOf(personId: string): Promise<{ forumId: string; navn: string; ret: Ret; admin: boolean; forumPersonId: string | null }[]> {
    const rows = await this.db.all<{ id: string; navn: string; ret: Ret; admin: number; forum_person_id: string | null }>(
      `SELECT f.id, f.navn, m.ret, m.admin, l.forum_person_id FROM members m JOIN forums f ON f.id = m.forum_id
       LEFT JOIN member_persons l ON l.forum_id = m.forum_id AND l.person_id = m.person_id WHERE m.person_id = ? ORDER BY f.navn`,
      [personId],
    );
    return rows.map((row) => ({ forumId: row.id, navn: row.navn, ret: row.ret, admin: row.admin === 1, forumPersonId: row.forum_person_id }));
  }

  async members(forumId: string, withDevices: boolean): Promise<MemberView[]> {
    const rows = await this.db.all<{ person_id: string; navn: string; ret: Ret; admin: number; forum_person_id: string | null }>(
      `SELECT m.person_id, p.navn, m.ret, m.admin, l.forum_person_id FROM members m JOIN persons p ON p.id = m.person_id
       LEFT JOIN member_persons l ON l.forum_id = m.forum_id AND l.person_id = m.person_id WHERE m.forum_id = ? ORDER BY p.navn, m.person_id`,
      [forumId],
    );
    const devices = withDevices
      ? await this.db.all<{ id: string; person_id: string; navn: string; created_at: string; revoked_at: string | null }>(
          'SELECT d.id, d.person_id, d.navn, d.created_at, d.revoked_at FROM devices d JOIN members m ON m.person_id = d.person_id WHERE m.forum_id = ? ORDER BY d.created_at',
          [forumId],
        )
      : [];
    return rows.map((row) => ({
      personId: row.person_id,
      navn: row.navn,
      ret: row.ret,
      admin: row.admin === 1,
      forumPersonId: row.forum_person_id,
      ...(withDevices && {
        enheder: devices
          .filter((device) => device.person_id === row.person_id)
          .map((device) => ({ deviceId: device.id, navn: device.navn, oprettet: device.created_at, spaerret: device.revoked_at })),
      }),
    }));
  }

  /**
   * Changes a member's right and admin flag, and the forum person they are when `forumPersonId` is given
   * (null: none); a forum always keeps at least one admin.
   */
  async changeMember(forumId: string, personId: string, change: { ret: Ret; admin: boolean; forumPersonId?: string | null }): Promise<void> {
    await this.db.transaction(async (tx) => {
      const changed = await tx.run('UPDATE members SET ret = ?, admin = ? WHERE forum_id = ? AND person_id = ?', [change.ret, change.admin ? 1 : 0, forumId, personId]);
      if (changed !== 1) throw new Refusal(404, 'Personen er ikke medlem af forummet.');
      if (change.forumPersonId !== undefined) await linkForumPerson(tx, forumId, personId, change.forumPersonId);
      await this.keepAnAdmin(tx, forumId);
    });
  }

  async removeMember(forumId: string, personId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      await linkForumPerson(tx, forumId, personId, null);
      const removed = await tx.run('DELETE FROM members WHERE forum_id = ? AND person_id = ?', [forumId, personId]);
      if (removed !== 1) throw new Refusal(404, 'Personen er ikke medlem af forummet.');
      await this.keepAnAdmin(tx, forumId);
    });
  }

  private async keepAnAdmin(tx: Queries, forumId: string): Promise<void> {
    const admin = await one(tx, "SELECT 1 AS found FROM members WHERE forum_id = ? AND admin = 1 AND ret = 'medlem'", [forumId]);
    if (!admin) throw new Refusal(409, 'Forummet skal have mindst én administrator med ret som medlem. Udpeg en anden først.');
  }

  /** Whether a forum admin of a forum the person belongs to may manage that person's devices. */
  async administersPerson(adminId: string, personId: string): Promise<boolean> {
    const row = await one(
      this.db,
      'SELECT 1 AS found FROM members a JOIN members p ON p.forum_id = a.forum_id WHERE a.person_id = ? AND a.admin = 1 AND p.person_id = ?',
      [adminId, personId],
    );
    return row !== undefined;
  }

  /** Whether the referat of the forum's meeting is locked. */
  async meetingLocked(forumId: string, meetingId: string): Promise<boolean> {
    return (await one(this.db, 'SELECT 1 AS found FROM meeting_locks WHERE forum_id = ? AND meeting_id = ?', [forumId, meetingId])) !== undefined;
  }

  /** A new referat version was started after the locked one: its edits and approvals are taken until it is locked in turn. */
  async unlockMeeting(forumId: string, meetingId: string): Promise<void> {
    await this.db.run('DELETE FROM meeting_locks WHERE forum_id = ? AND meeting_id = ?', [forumId, meetingId]);
  }

  async lockMeeting(forumId: string, meetingId: string, lockedAt: string): Promise<void> {
    await this.db.run('INSERT INTO meeting_locks (forum_id, meeting_id, locked_at) VALUES (?, ?, ?) ON CONFLICT (forum_id, meeting_id) DO NOTHING', [
      forumId,
      meetingId,
      lockedAt,
    ]);
  }
}
