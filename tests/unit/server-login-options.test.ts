// The sync server's sign-in settings as a kommune's IT types them: both the issuer and the client id or
// neither, https (http only on this machine), and the session lifetimes; bad input gets a Danish message.
import { describe, expect, it } from 'vitest';
import { UsageError, parseCommand } from '../../server/options';

function started(args: string[]) {
  const command = parseCommand(args);
  if (command.kind !== 'start') throw new Error(`ikke en start: ${command.kind}`);
  return command.server;
}

describe('serverens indstillinger for kommunens login', () => {
  it('uden udbyder bruges kun invitationskoder; sessionsnøglen gælder 15 minutter og et login 12 timer', () => {
    const server = started(['--data', '/tmp/x']);
    expect(server.oidc).toBeNull();
    expect(server.sessions).toEqual({ tokenSeconds: 15 * 60, sessionSeconds: 12 * 3600 });
  });

  it('tager udsteder og klient-id og levetiderne', () => {
    const server = started(['--oidc-udsteder', 'https://login.microsoftonline.com/abc/v2.0', '--oidc-klient', 'app-id', '--login-minutter', '5', '--login-timer', '8']);
    expect(server.oidc).toEqual({ issuer: 'https://login.microsoftonline.com/abc/v2.0', clientId: 'app-id' });
    expect(server.sessions).toEqual({ tokenSeconds: 300, sessionSeconds: 8 * 3600 });
    expect(started(['--oidc-udsteder', 'http://127.0.0.1:9000', '--oidc-klient', 'x']).oidc?.issuer).toBe('http://127.0.0.1:9000');
  });

  it('afviser halve og usikre opsætninger med en dansk besked', () => {
    expect(() => parseCommand(['--oidc-udsteder', 'https://idp.kommune.dk'])).toThrow(new UsageError('Angiv både --oidc-udsteder og --oidc-klient for at bruge kommunens login.'));
    expect(() => parseCommand(['--oidc-klient', 'app-id'])).toThrow(/både --oidc-udsteder og --oidc-klient/);
    expect(() => parseCommand(['--oidc-udsteder', 'http://idp.kommune.dk', '--oidc-klient', 'x'])).toThrow(/https-adresse/);
    expect(() => parseCommand(['--oidc-udsteder', 'ikke en adresse', '--oidc-klient', 'x'])).toThrow(/udbyderens adresse/);
    expect(() => parseCommand(['--login-minutter', '0'])).toThrow(/helt tal på mindst 1/);
  });
});
