import packageJson from '../../package.json';
import { escapeInvisible } from '../../shared/api/text';
import { readCommandLine, type OptionName } from './args';
import type { Command, CommandContext } from './command';
import { COMMANDS, findCommand } from './commands';
import { defaultArchivePath } from './defaultArchive';
import { UsageError, errorLine, exitCodeOf } from './errors';
import type { ProgressStream } from './progress';
import { openSession, type Session } from './session';
import { commandHelp, generalHelp } from './usage';

export interface Io {
  out(text: string): void;
  err: ProgressStream;
}

const EVERY_COMMAND: OptionName[] = ['archive', 'help'];

/** Runs one command line and returns the exit code: 0 done, 1 the command failed, 2 the command line is wrong. */
export async function main(argv: string[], io: Io): Promise<number> {
  try {
    return await run(argv, io);
  } catch (error) {
    if (process.env['SAMTALERUM_DEBUG'] && !(error instanceof UsageError)) io.err.write(`${String(error instanceof Error ? error.stack : error)}\n`);
    io.err.write(`${escapeInvisible(errorLine(error))}\n`);
    return exitCodeOf(error);
  }
}

async function run(argv: string[], io: Io): Promise<number> {
  const line = readCommandLine(argv, [...COMMANDS.map((c) => c.name), 'help']);
  if (line.askedForVersion) {
    io.out(`samtalerum ${packageJson.version}\n`);
    return 0;
  }
  const archivePath = line.values.archive ?? defaultArchivePath();

  if (line.command === undefined || line.command === 'help') {
    const about = line.command === 'help' ? line.positionals[0] : undefined;
    if (about !== undefined) {
      io.out(`${commandHelp(known(about))}\n`);
      return 0;
    }
    const stray = line.given.find((flag) => !EVERY_COMMAND.includes(flag));
    if (stray !== undefined) throw new UsageError(`Angiv en kommando før --${stray}, fx samtalerum list-meetings. Se samtalerum --help.`);
    io.out(`${generalHelp(archivePath)}\n`);
    return 0;
  }

  const command = known(line.command);
  if (line.values.help) {
    io.out(`${commandHelp(command)}\n`);
    return 0;
  }
  const stray = line.given.find((flag) => !EVERY_COMMAND.includes(flag) && !command.options.includes(flag));
  if (stray !== undefined) throw new UsageError(`${command.name} tager ikke --${stray}. Se samtalerum ${command.name} --help.`);
  const extra = line.positionals[command.positionals.length];
  if (extra !== undefined) throw new UsageError(`${command.name} ved ikke, hvad «${extra}» skal bruges til. Se samtalerum ${command.name} --help.`);
  if (archivePath.trim() === '') throw new UsageError('--archive mangler en sti, fx --archive samtalerum.sqlite.');

  let session: Session | undefined;
  const ctx: CommandContext = {
    values: line.values,
    positionals: line.positionals,
    open() {
      session ??= openSession(archivePath, { create: command.createsArchive, appVersion: packageJson.version });
      return session;
    },
    // Archive data may hold control characters (an old version, a tampered file); a terminal would obey them.
    out: (text) => io.out(`${escapeInvisible(text)}\n`),
    err: io.err,
  };
  try {
    await command.run(ctx);
  } catch (error) {
    session?.discard();
    throw error;
  }
  session?.close();
  return 0;
}

function known(name: string): Command {
  const command = findCommand(name);
  if (command !== undefined) return command;
  const near = COMMANDS.find((c) => distance(c.name, name) <= 2);
  throw new UsageError(`Ukendt kommando «${name}».${near ? ` Mente du ${near.name}?` : ''} Se samtalerum --help.`);
}

/** Edit distance, for "Mente du list-meetings?" after a typo. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
