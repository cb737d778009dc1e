import type { Registry } from '../membership/registry';
import { SESSION_TOKEN_PREFIX, type SessionRefusal, type Sessions } from './sessions';

/** Who is calling, by a device credential from an invitation or by a session token from a sign-in. */
export interface Caller {
  personId: string;
  deviceId: string;
  kommuneAdmin: boolean;
  /** Set when the caller signed in with the kommune's identity provider: signing out ends exactly this. */
  sessionId: string | null;
}

export type CallerRefusal = 'unknown-device' | 'revoked-device' | SessionRefusal;

/**
 * The one place a bearer token becomes a person, for the documents (onAuthenticate) and the HTTP API alike.
 * Device credentials and session tokens stay side by side: a pilot school without an identity provider
 * keeps using invitation codes.
 */
export class Callers {
  constructor(
    private readonly registry: Registry,
    private readonly sessions: Sessions,
  ) {}

  async identify(token: string): Promise<Caller | CallerRefusal> {
    if (token.startsWith(SESSION_TOKEN_PREFIX)) {
      return this.sessions.callerOf(token);
    }
    const device = await this.registry.deviceByCredential(token);
    if (!device) return 'unknown-device';
    if (device.revoked) return 'revoked-device';
    return { personId: device.personId, deviceId: device.deviceId, kommuneAdmin: device.kommuneAdmin, sessionId: null };
  }
}
