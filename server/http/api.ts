import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Caller, CallerRefusal, Callers } from '../auth/callers';
import type { Log } from '../log';
import { Refusal } from '../membership/refusal';
import { RETTIGHEDER, type Registry, type Ret } from '../membership/registry';
import type { Scope } from '../sync/enforcement';
import { id, readBody, send, text } from './json';
import { RedeemLimit } from './redeemLimit';
import type { Call, Route } from './routes';

const DEFAULT_VALID_SECONDS = 7 * 24 * 3600;
const MAX_VALID_SECONDS = 30 * 24 * 3600;
const MAX_REDEEM_FAILURES = 20;

function ret(value: unknown): Ret {
  if (!RETTIGHEDER.includes(value as Ret)) throw new Refusal(400, 'Retten skal være «medlem» eller «læser».');
  return value as Ret;
}

const UNKNOWN_DEVICE = 'Enheden er ikke kendt på serveren eller er spærret. Tilslut den igen med en ny invitation eller med kommunens login.';

/** The Danish answer to a bearer token that lets nobody in; an expired login says so, so the laptop renews it. */
function refusalFor(reason: CallerRefusal): Refusal {
  if (reason === 'expired-session') return new Refusal(401, 'Dit login er udløbet. Samtalerum fornyer det; ellers log ind med kommunens login igen.', 'login-udloebet');
  if (reason === 'revoked-session' || reason === 'unknown-session') return new Refusal(401, 'Du er logget ud. Log ind med kommunens login igen.', 'logget-ud');
  return new Refusal(401, UNKNOWN_DEVICE);
}

/** An optional forum person's id in a body: absent or null for none. */
function forumPersonOf(body: Record<string, unknown>): string | null {
  const value = body['forumPersonId'];
  return value === undefined || value === null ? null : id(value, 'Personen i forummet');
}

function signedIn(call: Call): Caller {
  if (!call.caller) throw new Refusal(401, UNKNOWN_DEVICE);
  return call.caller;
}

/**
 * The administration API on the sync server's own port: JSON in and out, the device credential as Bearer,
 * Danish messages in `fejl`. After every change to the membership table `enforce` applies it to the
 * connections that are open, so a removed member or a revoked device is cut off at once.
 */
export function administrationApi(registry: Registry, callers: Callers, log: Log, enforce: (scope: Scope) => Promise<void>, loginRoutes: readonly Route[]) {
  const forumAdmin = async (caller: Caller, forumId: string): Promise<void> => {
    if (!(await registry.forumExists(forumId))) throw new Refusal(404, 'Forummet er ikke delt på serveren.');
    if (caller.kommuneAdmin) return;
    const membership = await registry.membership(forumId, caller.personId);
    if (!membership?.admin) throw new Refusal(403, 'Kun forummets administratorer må det.');
  };

  const redeemLimit = new RedeemLimit(MAX_REDEEM_FAILURES);

  const routes: Route[] = [
    {
      method: 'GET',
      path: /^\/api\/sundhed$/,
      handle: async ({ response }) => send(response, 200, { status: 'ok' }),
    },
    {
      method: 'POST',
      path: /^\/api\/invitationer\/indloes$/,
      handle: async ({ body, caller, address, response }) => {
        if (redeemLimit.blocked(address)) {
          log({ event: 'refused', reason: 'redeem-flood' });
          throw new Refusal(429, 'For mange forkerte invitationskoder herfra. Vent et kvarter, og prøv så igen.', 'for-mange');
        }
        const kode = text(body, 'kode', 'Invitationskoden', 40);
        const enhedsnavn = caller ? '' : text(body, 'enhedsnavn', 'Enhedens navn', 100);
        const redeemed = await registry.redeem(kode, enhedsnavn, caller && { personId: caller.personId, deviceId: caller.deviceId }).catch((error: unknown) => {
          if (error instanceof Refusal && (error.status === 404 || error.status === 410)) redeemLimit.failed(address);
          throw error;
        });
        log({ event: 'redeemed', person: redeemed.personId, device: redeemed.deviceId, forum: redeemed.forumId ?? undefined });
        send(response, 201, { personId: redeemed.personId, deviceId: redeemed.deviceId, ...(redeemed.credential && { credential: redeemed.credential }) });
      },
    },
    {
      method: 'GET',
      path: /^\/api\/mig$/,
      handle: async (call) => {
        const caller = signedIn(call);
        const fora = await registry.forumsOf(caller.personId);
        const kanDele = await registry.mayShareForums(caller.personId);
        send(call.response, 200, { personId: caller.personId, deviceId: caller.deviceId, kommuneAdmin: caller.kommuneAdmin, kanDele, fora });
      },
    },
    {
      method: 'POST',
      path: /^\/api\/fora$/,
      handle: async (call) => {
        const caller = signedIn(call);
        const forumId = id(call.body['forumId'], 'Forummets id');
        if (!(await registry.mayShareForums(caller.personId))) {
          throw new Refusal(403, 'Du har ikke lov til at dele et forum på serveren. Bed kommunens administrator om en invitation til at dele fora.');
        }
        const forumPersonId = forumPersonOf(call.body);
        await registry.createForum(forumId, text(call.body, 'navn', 'Forummets navn'), { personId: caller.personId, deviceId: caller.deviceId, forumPersonId });
        log({ event: 'forum-shared', person: caller.personId, device: caller.deviceId, forum: forumId });
        send(call.response, 201, { forumId, forumPersonId });
      },
    },
    {
      method: 'POST',
      path: /^\/api\/fora\/([^/]+)\/historik-uploadet$/,
      handle: async (call) => {
        // The sharer's laptop says its first full upload is done; an admin may close the door too. Closing twice is no error.
        const caller = signedIn(call);
        const forumId = id(call.params[0], 'Forummets id');
        await forumAdmin(caller, forumId);
        const closed = await registry.historyUploaded(forumId);
        if (closed) log({ event: 'history-closed', person: caller.personId, device: caller.deviceId, forum: forumId });
        send(call.response, 204);
      },
    },
    {
      method: 'POST',
      path: /^\/api\/fora\/([^/]+)\/invitationer$/,
      handle: async (call) => {
        const caller = signedIn(call);
        const forumId = id(call.params[0], 'Forummets id');
        await forumAdmin(caller, forumId);
        const seconds = call.body['gyldigSekunder'] ?? DEFAULT_VALID_SECONDS;
        if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < 1 || seconds > MAX_VALID_SECONDS)
          throw new Refusal(400, 'En invitation kan gælde fra 1 sekund til 30 dage.');
        const invitation = await registry.createInvitation({
          forumId,
          ret: ret(call.body['ret']),
          kommuneAdmin: false,
          navn: text(call.body, 'navn', 'Den inviteredes navn'),
          createdBy: caller.personId,
          validSeconds: seconds,
          forumPersonId: forumPersonOf(call.body),
        });
        log({ event: 'invited', person: caller.personId, device: caller.deviceId, forum: forumId });
        send(call.response, 201, invitation);
      },
    },
    {
      method: 'GET',
      path: /^\/api\/fora\/([^/]+)\/medlemmer$/,
      handle: async (call) => {
        const caller = signedIn(call);
        const forumId = id(call.params[0], 'Forummets id');
        const membership = await registry.membership(forumId, caller.personId);
        if (!membership && !caller.kommuneAdmin) throw new Refusal(403, 'Kun forummets medlemmer kan se, hvem der er med.');
        const withDevices = caller.kommuneAdmin || membership?.admin === true;
        send(call.response, 200, { medlemmer: await registry.members(forumId, withDevices) });
      },
    },
    {
      method: 'PUT',
      path: /^\/api\/fora\/([^/]+)\/medlemmer\/([^/]+)$/,
      handle: async (call) => {
        const caller = signedIn(call);
        const forumId = id(call.params[0], 'Forummets id');
        const personId = id(call.params[1], 'Personens id');
        await forumAdmin(caller, forumId);
        const current = await registry.membership(forumId, personId);
        const admin = call.body['admin'] ?? current?.admin ?? false;
        if (typeof admin !== 'boolean') throw new Refusal(400, '«admin» skal være sand eller falsk.');
        // Absent leaves the member's forum person as it is; null unlinks it.
        const relink = 'forumPersonId' in call.body;
        const forumPersonId = relink ? forumPersonOf(call.body) : await registry.forumPerson(forumId, personId);
        await registry.changeMember(forumId, personId, { ret: ret(call.body['ret']), admin, ...(relink && { forumPersonId }) });
        log({ event: 'right-changed', person: personId, device: caller.deviceId, forum: forumId });
        await enforce({ personId });
        send(call.response, 200, { personId, ret: call.body['ret'], admin, forumPersonId });
      },
    },
    {
      method: 'DELETE',
      path: /^\/api\/fora\/([^/]+)\/medlemmer\/([^/]+)$/,
      handle: async (call) => {
        const caller = signedIn(call);
        const forumId = id(call.params[0], 'Forummets id');
        const personId = id(call.params[1], 'Personens id');
        // Anyone may leave a forum; removing someone else takes an administrator.
        if (personId !== caller.personId) await forumAdmin(caller, forumId);
        await registry.removeMember(forumId, personId);
        log({ event: 'member-removed', person: personId, device: caller.deviceId, forum: forumId });
        await enforce({ personId });
        send(call.response, 204);
      },
    },
    {
      method: 'DELETE',
      path: /^\/api\/enheder\/([^/]+)$/,
      handle: async (call) => {
        const caller = signedIn(call);
        const deviceId = id(call.params[0], 'Enhedens id');
        const device = await registry.device(deviceId);
        if (!device) throw new Refusal(404, 'Enheden findes ikke.');
        const allowed = device.personId === caller.personId || caller.kommuneAdmin || (await registry.administersPerson(caller.personId, device.personId));
        if (!allowed) throw new Refusal(403, 'Kun personen selv eller en administrator af et af personens fora må spærre enheden.');
        await registry.revokeDevice(deviceId);
        log({ event: 'device-revoked', person: device.personId, device: deviceId });
        await enforce({ deviceId });
        send(call.response, 204);
      },
    },
    ...loginRoutes,
  ];

  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const path = new URL(request.url ?? '/', 'http://server').pathname;
    try {
      const matches = routes.filter((route) => route.path.test(path));
      if (matches.length === 0) throw new Refusal(404, 'Den adresse findes ikke på serveren.');
      const route = matches.find((candidate) => candidate.method === request.method);
      if (!route) throw new Refusal(405, 'Den handling findes ikke på denne adresse.');
      const params = route.path.exec(path)?.slice(1) ?? [];
      const body = request.method === 'POST' || request.method === 'PUT' ? await readBody(request) : {};
      const bearer = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1];
      const caller = bearer ? await callers.identify(bearer) : null;
      if (typeof caller === 'string') {
        log({ event: 'refused', reason: caller });
        throw refusalFor(caller);
      }
      await route.handle({ params, body, caller, address: request.socket.remoteAddress ?? 'unknown', response });
    } catch (error) {
      if (error instanceof Refusal) {
        send(response, error.status, { fejl: error.message, ...(error.reason && { grund: error.reason }) });
        return;
      }
      log({ event: 'request-failed', reason: error instanceof Error ? error.name : 'unknown' });
      send(response, 500, { fejl: 'Serveren kunne ikke gennemføre handlingen. Prøv igen om lidt.' });
    }
  };
}
