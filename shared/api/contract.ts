import type { z } from 'zod';
import type { Change } from './changes';
import { agendaMethods } from './methods/agenda';
import { backupMethods } from './methods/backup';
import { commentMethods } from './methods/comments';
import { forumMethods } from './methods/forums';
import { inboxMethods } from './methods/inbox';
import { keptWordsMethods } from './methods/keptWords';
import { listeningMethods } from './methods/listening';
import { meetingMethods } from './methods/meetings';
import { outcomeMethods } from './methods/outcomes';
import { referatMethods } from './methods/referat';
import { registerMethods } from './methods/register';
import { runMethods } from './methods/run';
import { sagMethods } from './methods/sager';
import { searchMethods } from './methods/search';
import { startupMethods } from './methods/startup';
import { syncMethods } from './methods/sync';
import type { StartupProgress } from './methods/startup';

/** The one list of API methods, merged from one file per area. */
export const contract = {
  ...outcomeMethods,
  ...registerMethods,
  ...forumMethods,
  ...meetingMethods,
  ...agendaMethods,
  ...commentMethods,
  ...keptWordsMethods,
  ...runMethods,
  ...referatMethods,
  ...searchMethods,
  ...sagMethods,
  ...backupMethods,
  ...listeningMethods,
  ...startupMethods,
  ...syncMethods,
  ...inboxMethods,
} as const;

export type Contract = typeof contract;
export type Method = keyof Contract;
export const METHODS = Object.keys(contract) as Method[];

export type MethodInput<M extends Method> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends Method> = z.output<Contract[M]['input']>;
export type MethodResult<M extends Method> = NonNullable<Contract[M]['result']>;

export function isMethod(name: string): name is Method {
  return Object.hasOwn(contract, name);
}

/**
 * Events the services announce after a write, so open windows (and the presenter view) refetch what
 * the write touched, and only that.
 */
export interface ArchiveChanged {
  type: 'archive.changed';
  /** The write's method; 'sync.remote' for what another laptop wrote and the server delivered. */
  method: Method | typeof REMOTE_CHANGE;
  changes: readonly Change[];
}

/** The method an 'archive.changed' names when the change came from the server, not from this laptop. */
export const REMOTE_CHANGE = 'sync.remote';
/** Samtalerum found something about the archive itself to tell the user (see backup.notices). */
export interface ArchiveNoticeAdded {
  type: 'archive.notice';
}
/** The archive is still being opened (or brought up to date); the window shows how far it has got. */
export interface ArchiveOpening {
  type: 'archive.opening';
  progress: StartupProgress;
}
/** A shared forum's standing with its server changed (see sync.status). */
export interface SyncStatusChanged {
  type: 'sync.changed';
}
export type AppEvent = ArchiveChanged | ArchiveNoticeAdded | ArchiveOpening | SyncStatusChanged;
