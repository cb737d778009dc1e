import { randomBytes, randomUUID } from 'node:crypto';
import { one, type Database, type Queries } from '../storage/database';
import { hashSecret } from '../membership/secrets';
import type { ServerSession } from '../../shared/sync/session';
import type { VerifiedIdentity } from './idTokens';

/**
 * A sign-in with the kommune's identity provider gives the laptop two secrets of the server's own:
 * a session token (short-lived, shown like a device credential on every document and API call) and a
 * renewal secret (kept sealed on the laptop, exchanged for the next pair before the token runs out).
 * Both are stored only as hashes. A session belongs to a device row, so the existing «spær enheden»
 * ends it; signing out or revoking the person's sessions ends it too, at once, since every use of a
 * token reads its session.
 */

/** Session tokens and renewal secrets are told apart from device credentials by their prefix ('.' is not base64url). */
export const SESSION_TOKEN_PREFIX = 's.';
const RENEWAL_PREFIX = 'r.';

export interface SessionLifetimes {
  /** How long one session token is good for; the laptop renews it before. */
  tokenSeconds: number;
  /** How long a sign-in lasts at most before the person signs in at the provider again. */
  sessionSeconds: number;
}

/** Why a session token does not let its bearer in, as logged and as the document's denial reason. */
export type SessionRefusal = 'unknown-session' | 'expired-session' | 'revoked-session' | 'revoked-device';

export interface SessionCaller {
  sessionId: string;
  personId: string;
  deviceId: string;
  kommuneAdmin: boolean;
}

const secret = (prefix: string): string => `${prefix}${randomBytes(32).toString('base64url')}`;
const inSeconds = (seconds: number): string => new Date(Date.now() + seconds * 1000).toISOString();
const now = (): string => new Date().toISOString();

/** Why a renewal secret gave no new token: all mean «sign in again» to the laptop. */
export type RenewalRefusal = 'unknown-renewal' | 'renewal-replayed' | 'revoked-session' | 'expired-session';

export class Sessions {
  constructor(
    private readonly db: Database,
    private readonly lifetimes: SessionLifetimes,
  ) {}

  /**
   * Signs a verified person in on a laptop, in one transaction: the ID token is used up (a copied token
   * cannot be exchanged again), the person is found by issuer and subject or created without any forum
   * (forum membership still comes from a forum administrator's invitation), and a session is opened on the
   * laptop's device: the one its last renewal secret names if it is still this person's and not revoked,
   * otherwise a new device row, which administrators see and can revoke like any other.
   */
  async signIn(identity: VerifiedIdentity, deviceName: string, previousRenewal: string | null): Promise<ServerSession | 'id-token-reused'> {
    return this.db.transaction(async (tx): Promise<ServerSession | 'id-token-reused'> => {
      await this.forgetWhatExpired(tx);
      const fresh = await tx.run('INSERT INTO used_id_tokens (token_hash, expires_at) VALUES (?, ?) ON CONFLICT (token_hash) DO NOTHING', [
        identity.tokenHash,
        identity.expiresAt.toISOString(),
      ]);
      if (fresh !== 1) return 'id-token-reused';

      const personId = await this.personFor(tx, identity);
      const deviceId = (previousRenewal && (await this.deviceOfRenewal(tx, previousRenewal, personId))) ?? (await this.addDevice(tx, personId, deviceName));
      const sessionId = randomUUID();
      const fornyelse = secret(RENEWAL_PREFIX);
      const fornyelseUdloeber = inSeconds(this.lifetimes.sessionSeconds);
      await tx.run('INSERT INTO sessions (id, person_id, device_id, renewal_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)', [
        sessionId,
        personId,
        deviceId,
        hashSecret(fornyelse),
        now(),
        fornyelseUdloeber,
      ]);
      const token = await this.issueToken(tx, sessionId);
      return { personId, deviceId, sessionToken: token.sessionToken, udloeber: token.udloeber, fornyelse, fornyelseUdloeber };
    });
  }

  /**
   * Exchanges a renewal secret for a new session token and a new renewal secret; the old secret is used up.
   * A used-up secret shown again means a copy is in someone else's hands: the whole session ends.
   */
  async renew(renewal: string): Promise<(ServerSession & { sessionId: string }) | RenewalRefusal> {
    // A detected replay's revocation is committed: the refusal is a value, not a thrown rollback.
    return this.db.transaction(async (tx): Promise<(ServerSession & { sessionId: string }) | RenewalRefusal> => {
      const row = await one<{ id: string; person_id: string; device_id: string; renewal_hash: string; expires_at: string; revoked_at: string | null; device_revoked: string | null }>(
        tx,
        `SELECT s.id, s.person_id, s.device_id, s.renewal_hash, s.expires_at, s.revoked_at, d.revoked_at AS device_revoked
         FROM sessions s JOIN devices d ON d.id = s.device_id
         WHERE s.renewal_hash = ? OR s.id = (SELECT session_id FROM used_renewals WHERE renewal_hash = ?)`,
        [hashSecret(renewal), hashSecret(renewal)],
      );
      if (!row) return 'unknown-renewal';
      if (row.renewal_hash !== hashSecret(renewal)) {
        await tx.run('UPDATE sessions SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL', [now(), row.id]);
        return 'renewal-replayed';
      }
      if (row.revoked_at !== null || row.device_revoked !== null) return 'revoked-session';
      if (row.expires_at <= now()) return 'expired-session';
      const fornyelse = secret(RENEWAL_PREFIX);
      // Conditional, so two renewals with the same secret at once (PostgreSQL lets both read it) cannot both
      // succeed: the second finds the secret already rotated and counts as shown again.
      const rotated = await tx.run('UPDATE sessions SET renewal_hash = ? WHERE id = ? AND renewal_hash = ?', [hashSecret(fornyelse), row.id, row.renewal_hash]);
      if (rotated !== 1) {
        await tx.run('UPDATE sessions SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL', [now(), row.id]);
        return 'renewal-replayed';
      }
      await tx.run('INSERT INTO used_renewals (renewal_hash, session_id) VALUES (?, ?)', [row.renewal_hash, row.id]);
      await tx.run('DELETE FROM session_tokens WHERE session_id = ? AND expires_at < ?', [row.id, now()]);
      const token = await this.issueToken(tx, row.id);
      return { sessionId: row.id, personId: row.person_id, deviceId: row.device_id, ...token, fornyelse, fornyelseUdloeber: row.expires_at };
    });
  }

  /** Who a session token lets in, or why it does not. */
  async callerOf(sessionToken: string): Promise<SessionCaller | SessionRefusal> {
    const row = await one<{ session_id: string; token_expires: string; person_id: string; device_id: string; revoked_at: string | null; device_revoked: string | null; kommune_admin: number }>(
      this.db,
      `SELECT t.session_id, t.expires_at AS token_expires, s.person_id, s.device_id, s.revoked_at, d.revoked_at AS device_revoked, p.kommune_admin
       FROM session_tokens t JOIN sessions s ON s.id = t.session_id JOIN devices d ON d.id = s.device_id JOIN persons p ON p.id = s.person_id
       WHERE t.token_hash = ?`,
      [hashSecret(sessionToken)],
    );
    if (!row) return 'unknown-session';
    if (row.device_revoked !== null) return 'revoked-device';
    if (row.revoked_at !== null) return 'revoked-session';
    if (row.token_expires <= now()) return 'expired-session';
    return { sessionId: row.session_id, personId: row.person_id, deviceId: row.device_id, kommuneAdmin: row.kommune_admin === 1 };
  }

  /** Whether an open connection's session still stands (for connections opened before a sign-out or revocation). */
  async active(sessionId: string): Promise<boolean> {
    return (await one(this.db, 'SELECT 1 AS found FROM sessions WHERE id = ? AND revoked_at IS NULL', [sessionId])) !== undefined;
  }

  async signOut(sessionId: string): Promise<void> {
    await this.db.run('UPDATE sessions SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL', [now(), sessionId]);
  }

  /** Ends every session of a person, on every laptop; devices with a credential from an invitation are not touched. */
  async revokePerson(personId: string): Promise<number> {
    return this.db.run('UPDATE sessions SET revoked_at = ? WHERE person_id = ? AND revoked_at IS NULL', [now(), personId]);
  }

  /** What can no longer be used is dropped at each sign-in, so the tables stay as small as the sessions that run. */
  private async forgetWhatExpired(tx: Queries): Promise<void> {
    const at = now();
    await tx.run('DELETE FROM used_id_tokens WHERE expires_at < ?', [at]);
    await tx.run('DELETE FROM session_tokens WHERE expires_at < ?', [at]);
    await tx.run('DELETE FROM used_renewals WHERE session_id IN (SELECT id FROM sessions WHERE expires_at < ? OR revoked_at IS NOT NULL)', [at]);
  }

  private async personFor(tx: Queries, identity: VerifiedIdentity): Promise<string> {
    const known = await one<{ person_id: string }>(tx, 'SELECT person_id FROM identities WHERE issuer = ? AND subject = ?', [identity.issuer, identity.subject]);
    if (known) return known.person_id;
    const personId = randomUUID();
    await tx.run('INSERT INTO persons (id, navn, kommune_admin, created_at) VALUES (?, ?, 0, ?)', [personId, identity.navn, now()]);
    await tx.run('INSERT INTO identities (issuer, subject, person_id, created_at) VALUES (?, ?, ?, ?)', [identity.issuer, identity.subject, personId, now()]);
    return personId;
  }

  private async deviceOfRenewal(tx: Queries, renewal: string, personId: string): Promise<string | null> {
    const row = await one<{ device_id: string }>(
      tx,
      `SELECT s.device_id FROM sessions s JOIN devices d ON d.id = s.device_id
       WHERE s.renewal_hash = ? AND s.person_id = ? AND d.revoked_at IS NULL`,
      [hashSecret(renewal), personId],
    );
    return row?.device_id ?? null;
  }

  private async addDevice(tx: Queries, personId: string, deviceName: string): Promise<string> {
    const deviceId = randomUUID();
    // A signed-in laptop has no device credential of its own; the column wants a unique value, and this one
    // is no SHA-256 hex, so no credential can ever hash to it.
    await tx.run('INSERT INTO devices (id, person_id, navn, credential_hash, created_at) VALUES (?, ?, ?, ?, ?)', [deviceId, personId, deviceName, `login:${deviceId}`, now()]);
    return deviceId;
  }

  private async issueToken(tx: Queries, sessionId: string): Promise<{ sessionToken: string; udloeber: string }> {
    const sessionToken = secret(SESSION_TOKEN_PREFIX);
    const udloeber = inSeconds(this.lifetimes.tokenSeconds);
    await tx.run('INSERT INTO session_tokens (token_hash, session_id, expires_at) VALUES (?, ?, ?)', [hashSecret(sessionToken), sessionId, udloeber]);
    return { sessionToken, udloeber };
  }
}
