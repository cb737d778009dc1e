import { createHash } from 'node:crypto';
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';

/**
 * Why an ID token was refused, as logged (never the token): the laptop gets one Danish message for all of
 * them but `provider-unreachable`, which is the server's problem, not the person's.
 */
export type IdTokenRefusal =
  | 'malformed'
  | 'expired'
  | 'not-yet-valid'
  | 'too-old'
  | 'wrong-issuer'
  | 'wrong-audience'
  | 'bad-signature'
  | 'algorithm-not-allowed'
  | 'missing-subject'
  | 'provider-unreachable';

export class IdTokenRefused extends Error {
  override readonly name = 'IdTokenRefused';
  constructor(readonly reason: IdTokenRefusal) {
    super(reason);
  }
}

/** The kommune's identity provider as the server is configured with it. */
export interface OidcSettings {
  /** The issuer exactly as the provider names itself in its tokens, e.g. https://login.microsoftonline.com/<tenant>/v2.0. */
  issuer: string;
  /** The app's client id at the provider: the audience of the ID tokens laptops bring. */
  clientId: string;
}

/**
 * The person an ID token names, by a claim that stays the same for that person: Entra ID's `oid` within its
 * tenant `tid` when both are there (its `sub` is pairwise per app registration, so it would change if the
 * kommune registered the app anew), otherwise the standard `sub`, which OpenID Connect makes stable and
 * unique within the issuer. The key always includes the issuer, so two providers never share a person.
 */
export interface VerifiedIdentity {
  issuer: string;
  subject: string;
  navn: string;
  /** When the token stops being valid: it is remembered until then, so it can be exchanged only once. */
  expiresAt: Date;
  /** A hash of the token, the key under which its one exchange is remembered. */
  tokenHash: string;
}

/** Asymmetric algorithms only: a symmetric one would let anyone holding the client id's secret, or none, sign. */
const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];
/** Laptop and provider clocks drift; a minute either way is allowed, no more. */
const CLOCK_TOLERANCE_SECONDS = 60;
/** A token is exchanged right after the sign-in; one older than this was not just issued to the laptop bringing it. */
const MAX_TOKEN_AGE_SECONDS = 10 * 60;
const DISCOVERY_TIMEOUT_MS = 10_000;

const CLAIM_REFUSALS: Record<string, IdTokenRefusal> = { iss: 'wrong-issuer', aud: 'wrong-audience', nbf: 'not-yet-valid', iat: 'too-old', exp: 'expired' };

function refusalOf(error: unknown): IdTokenRefusal {
  if (error instanceof IdTokenRefused) return error.reason;
  // maxTokenAge reports a token issued too long ago as expired, naming `iat`.
  if (error instanceof errors.JWTExpired) return error.claim === 'iat' ? 'too-old' : 'expired';
  if (error instanceof errors.JWTClaimValidationFailed) return CLAIM_REFUSALS[error.claim] ?? 'malformed';
  if (error instanceof errors.JOSEAlgNotAllowed) return 'algorithm-not-allowed';
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) return 'bad-signature';
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid || error instanceof TypeError) return 'provider-unreachable';
  return 'malformed';
}

function text(payload: JWTPayload, claim: string): string | undefined {
  const value = payload[claim];
  return typeof value === 'string' && value !== '' && value.length <= 255 ? value : undefined;
}

/**
 * Verifies the ID tokens laptops bring against the provider's published keys (found through its discovery
 * document, fetched once and again when it failed; jose fetches the key set again when a token names a key it
 * does not know, so a key rotation at the provider needs no restart).
 */
export class IdTokenVerifier {
  private keys: Promise<ReturnType<typeof createRemoteJWKSet>> | null = null;

  constructor(private readonly settings: OidcSettings) {}

  async verify(idToken: string): Promise<VerifiedIdentity> {
    try {
      const { payload } = await jwtVerify(idToken, await this.keySet(), {
        issuer: this.settings.issuer,
        audience: this.settings.clientId,
        algorithms: ALGORITHMS,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        maxTokenAge: MAX_TOKEN_AGE_SECONDS,
        requiredClaims: ['iss', 'aud', 'exp', 'iat', 'sub'],
      });
      // OpenID Connect Core 3.1.3.7: with several audiences, the token must be issued to this client.
      if (Array.isArray(payload.aud) && payload.aud.length > 1 && payload['azp'] !== this.settings.clientId) throw new IdTokenRefused('wrong-audience');
      const tid = text(payload, 'tid');
      const oid = text(payload, 'oid');
      const sub = text(payload, 'sub');
      if (!sub || payload.exp === undefined) throw new IdTokenRefused('missing-subject');
      return {
        issuer: this.settings.issuer,
        subject: tid && oid ? `oid:${tid}:${oid}` : `sub:${sub}`,
        navn: text(payload, 'name') ?? text(payload, 'preferred_username') ?? 'Ukendt navn',
        expiresAt: new Date(payload.exp * 1000),
        tokenHash: createHash('sha256').update(idToken, 'utf8').digest('hex'),
      };
    } catch (error) {
      throw new IdTokenRefused(refusalOf(error));
    }
  }

  private keySet(): Promise<ReturnType<typeof createRemoteJWKSet>> {
    if (!this.keys) {
      this.keys = this.discover();
      // A provider that could not be reached is asked again at the next sign-in, not never.
      this.keys.catch(() => (this.keys = null));
    }
    return this.keys;
  }

  private async discover(): Promise<ReturnType<typeof createRemoteJWKSet>> {
    const url = `${this.settings.issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
    let document: unknown;
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(DISCOVERY_TIMEOUT_MS), redirect: 'error' });
      document = response.ok ? await response.json() : null;
    } catch {
      document = null;
    }
    const { issuer, jwks_uri: jwksUri } = (typeof document === 'object' && document !== null ? document : {}) as Record<string, unknown>;
    // The discovery document must name the same issuer (OpenID Connect Discovery 4.3), or it is someone else's.
    if (issuer !== this.settings.issuer || typeof jwksUri !== 'string') throw new IdTokenRefused('provider-unreachable');
    return createRemoteJWKSet(new URL(jwksUri), { timeoutDuration: DISCOVERY_TIMEOUT_MS });
  }
}
