// Laptops as the app starts them (beginStartup with sharing), each with its own archive and device keys,
// against the built server as a child process; closed after each test.
import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach } from 'vitest';
import { beginStartup, type StartingApp } from '../../electron/services/startup';
import { deviceCredentialsFile, type DeviceCredentials } from '../../electron/sync/device/deviceCredentials';
import { tempArchivePath } from '../unit/support';
import { SERVER_ENTRY, type Storage } from './serverProcess';

export interface AppLaptop {
  app: StartingApp;
  credentials: DeviceCredentials;
  /** The archive, with the device credentials beside it: the same laptop starts again from it. */
  path: string;
}

const running: StartingApp[] = [];
afterEach(() => {
  for (const app of running.splice(0)) app.close();
});

/**
 * `inboxPollMs`: how often the laptop asks for the inboxes it answers or sent to (the app's default otherwise).
 * `path`: a laptop started before, started again; `offline`: without the server, as on a train.
 */
export async function startAppLaptop(name: string, options: { inboxPollMs?: number; path?: string; offline?: boolean } = {}): Promise<AppLaptop> {
  const { path = tempArchivePath(), offline = false, ...polling } = options;
  const credentials = deviceCredentialsFile(join(dirname(path), 'enhedsnoegler.json'));
  const app = beginStartup(path, 'test', offline ? {} : { sharing: { credentials, deviceName: name, ...polling } });
  running.push(app);
  await app.ready;
  return { app, credentials, path };
}

/** A one-time invitation made on the server's own machine (`npm run server -- invite`). */
export async function serverInvitationCode(storage: Storage, ...args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, [SERVER_ENTRY, 'invite', ...args, ...storage.args]);
  const code = /Invitationskode: (\S+)/.exec(stdout)?.[1];
  if (!code) throw new Error(`Ingen invitationskode i:\n${stdout}`);
  return code;
}
