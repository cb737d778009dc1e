import type { ForumRight } from '../../../shared/api/methods/sync';
import { ServiceError } from '../../services/errors';
import type { ServerAddress } from '../device/serverAddress';

/**
 * The sharing server's administration API (docs/server.md «HTTP-API») as the laptop calls it with its
 * device credential. Every failure becomes a Danish ServiceError a person can act on; a code or a
 * credential never appears in a message.
 */

/** What the server says of this laptop's person (GET /api/mig). */
export interface Me {
  personId: string;
  /** May share a forum of their own (a kommune administrator, or given a sharing invitation). */
  mayShare: boolean;
  /** `forumPersonId`: the forum person the server knows this person as there (null: none). */
  forums: { forumId: string; name: string; right: ForumRight; admin: boolean; forumPersonId: string | null }[];
}

const TIMEOUT_MS = 15_000;

/** What a refusal means for the call that got it; the status codes the server uses are in docs/server.md. */
export type RefusalMessages = Partial<Record<number, string>>;

const UNKNOWN_DEVICE =
  'Delingsserveren kender ikke længere denne computer, eller den er spærret. Bed om en ny invitation, og tilmeld computeren igen.';

function unreachable(server: ServerAddress): ServiceError {
  return new ServiceError('konflikt', `Delingsserveren på ${new URL(server.http).host} kan ikke nås. Tjek adressen og computerens netværk, og prøv igen.`);
}

async function call(server: ServerAddress, credential: string, method: 'GET' | 'POST', path: string, refusals: RefusalMessages, body?: unknown): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(`${server.http}${path}`, {
      method,
      headers: { authorization: `Bearer ${credential}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
      redirect: 'error',
    });
  } catch {
    throw unreachable(server);
  }
  const answer: unknown = await response.json().catch(() => null);
  if (response.ok) return answer;
  if (response.status === 401) throw new Refused(401, UNKNOWN_DEVICE);
  const message = refusals[response.status];
  throw new Refused(response.status, message ?? 'Delingsserveren kunne ikke gennemføre handlingen. Prøv igen om lidt, eller kontakt kommunens IT.');
}

/** The server said no; the status tells a caller that handles one itself (409 when sharing) which no. */
class Refused extends ServiceError {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super('konflikt', message);
  }
}

/** The server does not know the credential (any more): the device was revoked, or the server's data replaced. */
export function isUnknownDevice(error: unknown): boolean {
  return error instanceof Refused && error.status === 401;
}

const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && value.length <= 4096;
const isRight = (value: unknown): value is ForumRight => value === 'medlem' || value === 'læser';

function serverFault(): ServiceError {
  return new ServiceError('konflikt', 'Delingsserveren svarede ikke, som den skulle. Prøv igen senere, eller kontakt kommunens IT.');
}

export async function whoAmI(server: ServerAddress, credential: string): Promise<Me> {
  const answer = await call(server, credential, 'GET', '/api/mig', {});
  if (typeof answer !== 'object' || answer === null) throw serverFault();
  const { personId, kommuneAdmin, kanDele, fora } = answer as Record<string, unknown>;
  if (!isText(personId) || !Array.isArray(fora)) throw serverFault();
  const forums: Me['forums'] = [];
  for (const entry of fora as unknown[]) {
    const { forumId, navn, ret, admin, forumPersonId } = (entry ?? {}) as Record<string, unknown>;
    // A forum the server names oddly is left out; the rest are kept in step.
    if (!isText(forumId) || typeof navn !== 'string' || !isRight(ret)) continue;
    forums.push({ forumId, name: navn, right: ret, admin: admin === true, forumPersonId: isText(forumPersonId) ? forumPersonId : null });
  }
  return { personId, mayShare: kommuneAdmin === true || kanDele === true, forums };
}

export async function createForumOnServer(
  server: ServerAddress,
  credential: string,
  forumId: string,
  name: string,
  forumPersonId: string | null,
): Promise<'oprettet' | 'findes'> {
  try {
    await call(server, credential, 'POST', '/api/fora', { 403: NOT_ALLOWED_TO_SHARE }, { forumId, navn: name, forumPersonId });
    return 'oprettet';
  } catch (error) {
    // 409: shared already, by this person on an earlier try or by someone else; the caller asks which.
    if (error instanceof Refused && error.status === 409) return 'findes';
    throw error;
  }
}

/**
 * Tells the server the forum's first full upload is done: from now on nobody may write others' approvals
 * or consents in it, the sharer's device neither (docs/server.md «Godkendelser og samtykker»).
 */
export async function reportHistoryUploaded(server: ServerAddress, credential: string, forumId: string): Promise<void> {
  await call(server, credential, 'POST', `/api/fora/${encodeURIComponent(forumId)}/historik-uploadet`, {});
}

const NOT_ALLOWED_TO_SHARE =
  'Du har ikke lov til at dele fora på denne delingsserver. Bed kommunens administrator om en invitation til at dele fora, og indløs den først.';

export interface Invitee {
  right: ForumRight;
  name: string;
  /** The forum person the invitation is for; redeeming it makes the redeemer that person on the server. */
  forumPersonId: string | null;
}

export async function inviteToForum(server: ServerAddress, credential: string, forumId: string, invitee: Invitee): Promise<{ code: string; expiresAt: string }> {
  const answer = await call(
    server,
    credential,
    'POST',
    `/api/fora/${encodeURIComponent(forumId)}/invitationer`,
    {
      403: 'Kun forummets administratorer kan invitere. Bed en af dem om at invitere personen.',
      404: 'Forummet er ikke delt på serveren (længere). Del det igen, før du inviterer.',
      400: 'Serveren kunne ikke tage imod invitationen. Tjek navnet, og prøv igen.',
      409: 'Personen i forummet er allerede knyttet til et andet medlem på serveren. Vælg en anden person, eller bed administratoren rette det.',
    },
    { ret: invitee.right, navn: invitee.name, forumPersonId: invitee.forumPersonId },
  );
  const { kode, udloeber } = (answer ?? {}) as Record<string, unknown>;
  if (!isText(kode) || !isText(udloeber)) throw serverFault();
  return { code: kode, expiresAt: udloeber };
}
