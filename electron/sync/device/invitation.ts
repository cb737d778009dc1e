import { isCredential, type DeviceCredential } from './deviceCredentials';
import type { ServerAddress } from './serverAddress';

/**
 * Why redeeming an invitation did not give this laptop a credential:
 *   'ukendt'         the server knows no such code (mistyped);
 *   'brugt'          the code was redeemed already (each is good for one device);
 *   'udloebet'       the code is too old;
 *   'for-mange'      too many attempts from here: wait;
 *   'ugyldig'        the code or the device name is not one the server can take;
 *   'utilgaengelig'  the server could not be reached;
 *   'serverfejl'     the server answered, but not with a credential.
 */
export type InvitationRefusal = 'ukendt' | 'brugt' | 'udloebet' | 'for-mange' | 'ugyldig' | 'utilgaengelig' | 'serverfejl';

export class InvitationError extends Error {
  override readonly name = 'InvitationError';
  constructor(
    readonly reason: InvitationRefusal,
    message: string,
  ) {
    super(message);
  }
}

const MESSAGES: Record<Exclude<InvitationRefusal, 'utilgaengelig'>, string> = {
  ukendt: 'Invitationskoden findes ikke på serveren. Tjek, at den er skrevet præcis som i invitationen.',
  brugt: 'Invitationskoden er allerede brugt. En kode gælder for én computer; bed forummets administrator om en ny.',
  udloebet: 'Invitationskoden er udløbet. Bed forummets administrator om en ny.',
  'for-mange': 'Der er prøvet for mange koder fra denne computer. Vent et par minutter, og prøv igen.',
  ugyldig: 'Serveren kunne ikke tage imod koden eller computerens navn. Tjek dem, og prøv igen.',
  serverfejl: 'Delingsserveren svarede ikke, som den skulle, og computeren er ikke tilmeldt. Prøv igen senere, eller kontakt kommunens IT.',
};

/** What the server says with its status code, when its body does not say it in words. */
const BY_STATUS: Record<number, Exclude<InvitationRefusal, 'utilgaengelig'>> = { 400: 'ugyldig', 404: 'ukendt', 409: 'brugt', 410: 'udloebet', 422: 'ugyldig', 429: 'for-mange' };

const MAX_CODE_LENGTH = 200;
const MAX_DEVICE_NAME_LENGTH = 100;

export interface RedeemOptions {
  /** How long to wait for the server before saying it cannot be reached. */
  timeoutMs?: number;
  /**
   * The credential this laptop already has at the server: the invitation then adds the membership to
   * the person of that device (Bearer), and the server issues no new credential.
   */
  credential?: string;
}

/**
 * Redeems a one-time invitation code at the server (POST /api/invitationer/indloes {kode, enhedsnavn})
 * and returns the device credential it issues. Throws an InvitationError with a Danish message a
 * person can act on; the code itself never appears in a message or a log.
 */
export async function redeemInvitation(server: ServerAddress, code: string, deviceName: string, options: RedeemOptions = {}): Promise<DeviceCredential> {
  const kode = code.trim();
  const enhedsnavn = deviceName.trim();
  if (kode === '' || kode.length > MAX_CODE_LENGTH) throw new InvitationError('ugyldig', 'Skriv invitationskoden, som den står i invitationen.');
  if (enhedsnavn === '' || enhedsnavn.length > MAX_DEVICE_NAME_LENGTH) {
    throw new InvitationError('ugyldig', `Giv computeren et navn på højst ${MAX_DEVICE_NAME_LENGTH} tegn, fx «Skolelederens bærbare», så den kan kendes på serverens liste.`);
  }
  let response: Response;
  try {
    response = await fetch(`${server.http}/api/invitationer/indloes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(options.credential !== undefined && { authorization: `Bearer ${options.credential}` }) },
      body: JSON.stringify({ kode, enhedsnavn }),
      signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
      redirect: 'error',
    });
  } catch {
    throw new InvitationError(
      'utilgaengelig',
      `Delingsserveren på ${new URL(server.http).host} kan ikke nås. Tjek adressen og computerens netværk, og prøv igen.`,
    );
  }
  const body = await response.json().catch(() => null);
  if (response.ok) {
    const issued = options.credential !== undefined && typeof body === 'object' && body !== null ? { credential: options.credential, ...body } : body;
    if (isCredential(issued)) return { personId: issued.personId, deviceId: issued.deviceId, credential: issued.credential };
    throw new InvitationError('serverfejl', MESSAGES.serverfejl);
  }
  const reason = refusalIn(body) ?? BY_STATUS[response.status] ?? 'serverfejl';
  throw new InvitationError(reason, MESSAGES[reason]);
}

/** The server names the reason in its body ({"fejl": "<Danish>", "grund": "brugt"}); only the reasons we know count. */
function refusalIn(body: unknown): Exclude<InvitationRefusal, 'utilgaengelig'> | undefined {
  if (typeof body !== 'object' || body === null || !('grund' in body)) return undefined;
  const named = (body as { grund: unknown }).grund;
  return typeof named === 'string' && Object.hasOwn(MESSAGES, named) ? (named as Exclude<InvitationRefusal, 'utilgaengelig'>) : undefined;
}
