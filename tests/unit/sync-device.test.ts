import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { DeviceCredentialError, deviceCredentialsFile, type Sealer } from '../../electron/sync/device/deviceCredentials';
import { InvitationError, redeemInvitation } from '../../electron/sync/device/invitation';
import { parseServerAddress, ServerAddressError } from '../../electron/sync/device/serverAddress';
import { createSyncTransport } from '../../electron/sync/transport/syncTransport';
import { MemoryDocuments } from './sync/memoryDocuments';
import { TEST_BACKOFF } from './sync/laptop';
import { startSyncServer, type TestSyncServer } from './sync/syncServer';

const credentialsPath = () => join(mkdtempSync(join(tmpdir(), 'samtalerum-noegler-')), 'enhedsnoegler');
const ENHED = { personId: randomUUID(), deviceId: randomUUID(), credential: 'hemmelig-noegle-1' };

describe('enhedens nøgle på disken', () => {
  test('gemmes pr. server i en fil, kun brugeren kan læse (0600), og læses igen', () => {
    const path = credentialsPath();
    const store = deviceCredentialsFile(path);
    expect(store.read('wss://deling.kommune.dk')).toBeNull();
    store.write('wss://deling.kommune.dk', ENHED);
    store.write('ws://127.0.0.1:1234', { ...ENHED, credential: 'anden' });
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(existsSync(`${path}.ny`)).toBe(false);
    const again = deviceCredentialsFile(path);
    expect(again.read('wss://deling.kommune.dk')).toEqual(ENHED);
    again.remove('wss://deling.kommune.dk');
    expect(again.read('wss://deling.kommune.dk')).toBeNull();
    expect(again.read('ws://127.0.0.1:1234')?.credential).toBe('anden');
  });

  test('forseglet står nøglen ikke i klartekst i filen, og en beskadiget fil giver en dansk besked', () => {
    const path = credentialsPath();
    const flip: Sealer = { seal: (plain) => Buffer.from(Buffer.from(plain, 'utf8').map((b) => b ^ 0x5a)), open: (sealed) => Buffer.from(sealed.map((b) => b ^ 0x5a)).toString('utf8') };
    deviceCredentialsFile(path, flip).write('wss://deling.kommune.dk', ENHED);
    expect(readFileSync(path).includes(Buffer.from(ENHED.credential))).toBe(false);
    expect(deviceCredentialsFile(path, flip).read('wss://deling.kommune.dk')).toEqual(ENHED);

    writeFileSync(path, '{"wss://deling.kommune.dk": {"personId": 1}}');
    expect(() => deviceCredentialsFile(path).read('wss://deling.kommune.dk')).toThrow(DeviceCredentialError);
    expect(() => deviceCredentialsFile(path).read('wss://deling.kommune.dk')).toThrow(/Indløs en ny invitation/);
  });
});

describe('delingsserverens adresse', () => {
  test('skrevet som værtsnavn bliver https og wss; http kun på computeren selv', () => {
    expect(parseServerAddress(' deling.kommune.dk/ ')).toEqual({ http: 'https://deling.kommune.dk', webSocket: 'wss://deling.kommune.dk' });
    expect(parseServerAddress('https://kommune.dk/deling')).toEqual({ http: 'https://kommune.dk/deling', webSocket: 'wss://kommune.dk/deling' });
    expect(parseServerAddress('http://127.0.0.1:4100')).toEqual({ http: 'http://127.0.0.1:4100', webSocket: 'ws://127.0.0.1:4100' });
    expect(() => parseServerAddress('http://deling.kommune.dk')).toThrow(/sikker forbindelse/);
    expect(() => parseServerAddress('')).toThrow(ServerAddressError);
    expect(() => parseServerAddress('https://bruger:kode@deling.kommune.dk')).toThrow(/kun være værtsnavnet/);
    expect(() => parseServerAddress('https://')).toThrow(/kan ikke læses/);
  });
});

describe('at indløse en invitation', () => {
  let api: Server | null = null;
  let sync: TestSyncServer | null = null;
  afterEach(async () => {
    api?.close();
    api = null;
    await sync?.stop();
    sync = null;
  });

  /** A loopback server with the invitation API's answers: one good code, one used, one expired. */
  async function invitationApi(issued: { personId: string; deviceId: string; credential: string }, seen: unknown[] = []): Promise<string> {
    api = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        const parsed = JSON.parse(body) as { kode: string; enhedsnavn: string };
        seen.push(parsed);
        const answer = (status: number, json: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
        if (req.url !== '/api/invitationer/indloes' || req.method !== 'POST') return answer(404, {});
        if (parsed.kode === 'GOD-KODE') return answer(201, issued);
        // As the server (server/membership/registry.ts) answers: a used and an expired code share a status.
        if (parsed.kode === 'BRUGT') return answer(410, { fejl: 'Invitationskoden er allerede brugt. Bed om en ny.', grund: 'brugt' });
        if (parsed.kode === 'GAMMEL') return answer(410, { fejl: 'Invitationskoden er udløbet. Bed om en ny.', grund: 'udloebet' });
        if (parsed.kode === 'ROD') return answer(200, { personId: 'p' });
        return answer(404, { fejl: 'Invitationskoden findes ikke. Tjek at den er skrevet rigtigt.', grund: 'ukendt' });
      });
    });
    await new Promise<void>((done) => api!.listen(0, '127.0.0.1', done));
    return `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
  }

  test('en god kode giver en nøgle, som gemmes og lukker bærbaren ind på serveren', { timeout: 60_000 }, async () => {
    const forumId = randomUUID();
    sync = await startSyncServer({ [ENHED.credential]: { [forumId]: 'medlem' } });
    const seen: unknown[] = [];
    const server = parseServerAddress(await invitationApi(ENHED, seen));
    const redeemed = await redeemInvitation(server, '  GOD-KODE ', 'Skolelederens bærbare');
    expect(redeemed).toEqual(ENHED);
    expect(seen).toEqual([{ kode: 'GOD-KODE', enhedsnavn: 'Skolelederens bærbare' }]);

    const store = deviceCredentialsFile(credentialsPath());
    store.write(sync.url, redeemed);
    const docs = new MemoryDocuments();
    const transport = createSyncTransport({ local: docs, credentialFor: (url) => store.read(url)?.credential ?? null, backoff: TEST_BACKOFF, log: () => {} });
    try {
      transport.share({ forumId, serverUrl: sync.url });
      await transport.settled(forumId);
      expect(transport.statuses()).toEqual([{ forumId, state: 'forbundet', waiting: 0 }]);
    } finally {
      transport.close();
    }
  });

  test('forkert, brugt og udløbet kode, et rodet svar og en server, der ikke kan nås, giver hver sin danske besked', async () => {
    const server = parseServerAddress(await invitationApi(ENHED));
    const refusal = async (code: string, name = 'TR-bærbar') => {
      const error = await redeemInvitation(server, code, name).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvitationError);
      return error as InvitationError;
    };
    expect(await refusal('FORKERT')).toMatchObject({ reason: 'ukendt', message: expect.stringMatching(/findes ikke/) });
    expect(await refusal('BRUGT')).toMatchObject({ reason: 'brugt', message: expect.stringMatching(/allerede brugt/) });
    expect(await refusal('GAMMEL')).toMatchObject({ reason: 'udloebet', message: expect.stringMatching(/udløbet/) });
    expect(await refusal('ROD')).toMatchObject({ reason: 'serverfejl' });
    expect(await refusal('   ')).toMatchObject({ reason: 'ugyldig' });
    expect(await refusal('GOD-KODE', 'x'.repeat(101))).toMatchObject({ reason: 'ugyldig', message: expect.stringMatching(/højst 100 tegn/) });
    for (const e of [await refusal('FORKERT'), await refusal('BRUGT')]) expect(e.message).not.toContain('FORKERT');

    // A port nobody listens on: closed a moment ago.
    const closed = createServer();
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((done) => closed.close(done));
    const unreachable = await redeemInvitation(parseServerAddress(`http://127.0.0.1:${port}`), 'GOD-KODE', 'TR-bærbar').catch((e: unknown) => e);
    expect(unreachable).toMatchObject({ reason: 'utilgaengelig', message: `Delingsserveren på 127.0.0.1:${port} kan ikke nås. Tjek adressen og computerens netværk, og prøv igen.` });
  });
});
