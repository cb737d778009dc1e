import type { OptionName, Values } from './args';
import type { ProgressStream } from './progress';
import type { Session } from './session';

/** What a command gets: its flags, a way to open the archive once it has checked them, and the two streams. */
export interface CommandContext {
  values: Values;
  positionals: string[];
  /** Opens the archive given by --archive (or the app's own). Call it only after the flags are checked. */
  open(): Session;
  /** A line on stdout: the result, for a person or a script. */
  out(line: string): void;
  /** stderr: progress and notes that are not the result. */
  err: ProgressStream;
}

export interface Command {
  name: string;
  /** What follows the name in the usage line, e.g. "--meeting <id> --out <fil.docx>". */
  synopsis: string;
  /** One line for the command list. */
  summary: string;
  /** The flags it takes, each with what it does, for `samtalerum <kommando> --help`. */
  flags: [flag: string, text: string][];
  /** Further lines for that help. */
  notes: string[];
  /** The flags it takes besides --archive and --help. */
  options: OptionName[];
  /** Names of the words it takes after the command, e.g. ['fil']. */
  positionals: string[];
  /** The command also runs without those words (vis-sag alone lists the sager). */
  wordsOptional?: true;
  /** Only commands that fill an archive may create one; the others refuse a path with no archive. */
  createsArchive: boolean;
  run(ctx: CommandContext): Promise<void>;
}

/** "1 møde" / "2 møder". */
export function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
