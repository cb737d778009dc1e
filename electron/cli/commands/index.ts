import type { Command } from '../command';
import { exportArchive } from './exportArchive';
import { exportBeslutningslog } from './exportBeslutningslog';
import { exportDagsorden } from './exportDagsorden';
import { exportPersonaleresume } from './exportPersonaleresume';
import { exportReferat } from './exportReferat';
import { exportReferater } from './exportReferater';
import { importFile } from './importFile';
import { listForums } from './listForums';
import { listMeetings } from './listMeetings';
import { seedDemo } from './seedDemo';
import { visSag } from './visSag';

/** Every command, in the order the help lists them. */
export const COMMANDS: readonly Command[] = [
  seedDemo,
  listForums,
  listMeetings,
  visSag,
  importFile,
  exportDagsorden,
  exportReferat,
  exportReferater,
  exportPersonaleresume,
  exportBeslutningslog,
  exportArchive,
];

export function findCommand(name: string): Command | undefined {
  return COMMANDS.find((command) => command.name === name);
}
