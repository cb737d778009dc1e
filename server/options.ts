import type { ServerOptions } from './app';
import type { OidcSettings } from './auth/idTokens';
import type { Storage } from './storage/open';

export const USAGE = `Samtalerum-server: kommunens fælles arkiv for Samtalerum (Yjs + Hocuspocus).

Brug:
  npm run server -- [indstillinger]                      start serveren
  npm run server -- invite --admin [--navn NAVN]          invitationskode til en kommuneadministrator
  npm run server -- invite --deler [--navn NAVN]          invitationskode til en person, der må dele fora (fx en skoleleder)
  npm run server -- invite --forum ID --ret medlem|læser [--navn NAVN] [--forum-person ID]
                                                          invitationskode til et forum (til den af forummets
                                                          personer, der har id'et, når det er givet)
Indstillinger (eller miljøvariablen i parentes):
  --vaert ADRESSE        adressen der lyttes på, standard 127.0.0.1 (SAMTALERUM_SERVER_HOST)
  --port N               porten, standard 8470; 0 vælger en ledig (SAMTALERUM_SERVER_PORT)
  --data MAPPE           mappen til SQLite-filen, standard ./samtalerum-server-data (SAMTALERUM_SERVER_DATA)
  --postgres URL         gem i PostgreSQL i stedet, fx postgres://bruger:kode@vaert/db (SAMTALERUM_SERVER_POSTGRES)
  --redis VAERT:PORT     flere instanser bag en load balancer deler ændringer via Redis (SAMTALERUM_SERVER_REDIS)
  --maks-besked-kb N     største besked fra en bærbar, standard 8192 KB
  --beskeder-pr-sekund N beskeder pr. forbindelse pr. sekund før den lukkes, standard 300 (stød op til 20 gange så mange)
  --maks-dokumenter N    dokumenter én forbindelse må have åbne, standard 5000
  --kontrol-sekunder N   med Redis: hvor ofte åbne forbindelser tjekkes mod medlemslisten, standard 5
  --oidc-udsteder URL    log ind med kommunens identitetsudbyder (OpenID Connect), fx
                         https://login.microsoftonline.com/<tenant-id>/v2.0 (SAMTALERUM_SERVER_OIDC_UDSTEDER)
  --oidc-klient ID       appens klient-id hos udbyderen (SAMTALERUM_SERVER_OIDC_KLIENT)
  --login-minutter N     hvor længe serverens login-nøgle gælder, før bærbaren fornyer den, standard 15
  --login-timer N        hvor længe et login varer, før personen logger ind hos udbyderen igen, standard 12
  --gyldig-dage N        invite: hvor længe koden gælder, standard 7
  --help                 denne tekst`;

export class UsageError extends Error {}

type Flags = Map<string, string | true>;

function parseFlags(args: readonly string[]): Flags {
  const flags: Flags = new Map();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (!arg.startsWith('--')) throw new UsageError(`Ukendt argument: ${arg}`);
    const [name = '', inline] = arg.slice(2).split(/=(.*)/s, 2);
    const next = args[i + 1];
    if (inline !== undefined) flags.set(name, inline);
    else if (next !== undefined && !next.startsWith('--')) {
      flags.set(name, next);
      i++;
    } else flags.set(name, true);
  }
  return flags;
}

function value(flags: Flags, name: string, env?: string): string | undefined {
  const flag = flags.get(name);
  if (flag === true) throw new UsageError(`--${name} skal have en værdi.`);
  return flag ?? (env ? process.env[env] : undefined);
}

function whole(flags: Flags, name: string, fallback: number, env?: string, min = 1): number {
  const text = value(flags, name, env);
  if (text === undefined || text === '') return fallback;
  const number = Number(text);
  if (!Number.isInteger(number) || number < min) throw new UsageError(`--${name} skal være et helt tal på mindst ${min}.`);
  return number;
}

const KNOWN_START = [
  'vaert',
  'port',
  'data',
  'postgres',
  'redis',
  'maks-besked-kb',
  'beskeder-pr-sekund',
  'maks-dokumenter',
  'kontrol-sekunder',
  'oidc-udsteder',
  'oidc-klient',
  'login-minutter',
  'login-timer',
  // Only for the tests of a login's lifetime: seconds instead of minutes, not in the help text.
  'login-sekunder',
];
const KNOWN_INVITE = ['data', 'postgres', 'admin', 'deler', 'forum', 'ret', 'navn', 'gyldig-dage', 'forum-person'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function checkKnown(flags: Flags, known: readonly string[]): void {
  for (const name of flags.keys()) if (!known.includes(name)) throw new UsageError(`Ukendt indstilling: --${name}`);
}

/** The identity provider: both the issuer and the client id, or neither. */
function oidcOf(flags: Flags): OidcSettings | null {
  const issuer = value(flags, 'oidc-udsteder', 'SAMTALERUM_SERVER_OIDC_UDSTEDER') || undefined;
  const clientId = value(flags, 'oidc-klient', 'SAMTALERUM_SERVER_OIDC_KLIENT') || undefined;
  if (!issuer && !clientId) return null;
  if (!issuer || !clientId) throw new UsageError('Angiv både --oidc-udsteder og --oidc-klient for at bruge kommunens login.');
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    throw new UsageError('--oidc-udsteder skal være udbyderens adresse, fx https://login.microsoftonline.com/<tenant-id>/v2.0.');
  }
  // Keys fetched over plain http could be swapped on the way; only a provider on this machine (a try-out) may use it.
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) throw new UsageError('--oidc-udsteder skal være en https-adresse.');
  return { issuer, clientId };
}

function storageOf(flags: Flags): Storage {
  const url = value(flags, 'postgres', 'SAMTALERUM_SERVER_POSTGRES');
  if (url) return { kind: 'postgres', url };
  return { kind: 'sqlite', dataDir: value(flags, 'data', 'SAMTALERUM_SERVER_DATA') ?? 'samtalerum-server-data' };
}

export type Command =
  | { kind: 'help' }
  | { kind: 'start'; storage: Storage; server: ServerOptions }
  | {
      kind: 'invite';
      storage: Storage;
      forumId: string | null;
      ret: 'medlem' | 'læser' | null;
      kommuneAdmin: boolean;
      navn: string;
      validDays: number;
      /** The forum person the invitation is for (a forum invitation only). */
      forumPersonId: string | null;
    };

export function parseCommand(args: readonly string[]): Command {
  if (args.includes('--help') || args.includes('-h')) return { kind: 'help' };
  if (args[0] === 'invite') {
    const flags = parseFlags(args.slice(1));
    checkKnown(flags, KNOWN_INVITE);
    const admin = flags.get('admin') === true;
    const sharer = flags.get('deler') === true;
    const forumId = value(flags, 'forum') ?? null;
    if ([admin, sharer, forumId !== null].filter(Boolean).length !== 1) throw new UsageError('Angiv enten --admin, --deler eller --forum ID --ret medlem|læser.');
    const ret = value(flags, 'ret') ?? null;
    if (forumId !== null && ret !== 'medlem' && ret !== 'læser') throw new UsageError('--ret skal være «medlem» eller «læser».');
    const forumPersonId = value(flags, 'forum-person') ?? null;
    if (forumPersonId !== null && forumId === null) throw new UsageError('--forum-person gælder kun en invitation til et forum (--forum ID).');
    if (forumPersonId !== null && !UUID.test(forumPersonId)) throw new UsageError('--forum-person skal være personens id i forummet (et UUID).');
    return {
      kind: 'invite',
      storage: storageOf(flags),
      forumId,
      ret: forumId === null ? null : (ret as 'medlem' | 'læser'),
      kommuneAdmin: admin,
      navn: value(flags, 'navn') ?? (admin ? 'Administrator' : 'Inviteret'),
      validDays: whole(flags, 'gyldig-dage', 7),
      forumPersonId,
    };
  }
  const flags = parseFlags(args);
  checkKnown(flags, KNOWN_START);
  const redis = value(flags, 'redis', 'SAMTALERUM_SERVER_REDIS');
  const redisMatch = redis ? /^(.+):(\d+)$/.exec(redis) : null;
  if (redis && !redisMatch) throw new UsageError('--redis skal skrives VAERT:PORT, fx 127.0.0.1:6379.');
  const perSecond = whole(flags, 'beskeder-pr-sekund', 300);
  return {
    kind: 'start',
    storage: storageOf(flags),
    server: {
      host: value(flags, 'vaert', 'SAMTALERUM_SERVER_HOST') ?? '127.0.0.1',
      port: whole(flags, 'port', 8470, 'SAMTALERUM_SERVER_PORT', 0),
      redis: redisMatch ? { host: redisMatch[1] ?? '', port: Number(redisMatch[2]) } : null,
      maxMessageBytes: whole(flags, 'maks-besked-kb', 8192) * 1024,
      rate: { perSecond, burst: perSecond * 20 },
      maxDocumentsPerSocket: whole(flags, 'maks-dokumenter', 5000),
      recheckSeconds: whole(flags, 'kontrol-sekunder', 5),
      oidc: oidcOf(flags),
      sessions: {
        tokenSeconds: whole(flags, 'login-sekunder', whole(flags, 'login-minutter', 15) * 60),
        sessionSeconds: whole(flags, 'login-timer', 12) * 3600,
      },
    },
  };
}
