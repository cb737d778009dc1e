import type { Command } from '../command';
import { exportArchive } from './exportArchive';
import { exportReferat } from './exportReferat';
import { exportReferater } from './exportReferater';
import { importFile } from './importFile';
import { listForums } from './listForums';
import { listMeetings } from './listMeetings';
import { seedDemo } from './seedDemo';

/** Every command, in the order the help lists them. */
export const COMMANDS: readonly Command[] = [seedDemo, listForums, listMeetings, importFile, exportReferat, exportReferater, exportArchive];

export function findCommand(name: string): Command | undefined {
  return COMMANDS.find((command) => command.name === name);
}
