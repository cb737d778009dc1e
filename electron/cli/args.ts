import { parseArgs } from 'node:util';
import type { Variant } from '../../shared/domain/variant';
import { UsageError } from './errors';

/** Every flag any command takes; each command says which of them it accepts. */
export const OPTIONS = {
  archive: { type: 'string' },
  meeting: { type: 'string' },
  forum: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  variant: { type: 'string' },
  /** The older name of --variant (shared|full); still read, with a note. */
  version: { type: 'string' },
  out: { type: 'string' },
  overwrite: { type: 'boolean' },
  'behold-begge': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export type OptionName = keyof typeof OPTIONS;
export type Values = { [K in OptionName]?: (typeof OPTIONS)[K]['type'] extends 'boolean' ? boolean : string };

export interface CommandLine {
  /** The first word that is not a flag; undefined when there is none. */
  command: string | undefined;
  /** The words after the command, e.g. the file of `import <fil>`. */
  positionals: string[];
  values: Values;
  /** The flags as written, in order, for messages about flags a command does not take. */
  given: OptionName[];
  /** `--version` on its own: print the program's version. */
  askedForVersion: boolean;
}

/**
 * Reads argv (without node and the script); flags may come before or after the command. `commands` are
 * the command names, so `samtalerum --version list-meetings` is not read as the old flag's value.
 */
export function readCommandLine(argv: string[], commands: readonly string[] = []): CommandLine {
  // `--version` is two things: on its own it asks for the program's version, as in every other program;
  // followed by a word it is the older name of --variant (`--version shared`), which scripts still use.
  const alone = (i: number) => {
    const next = argv[i + 1];
    return next === undefined || next.startsWith('-') || commands.includes(next);
  };
  const askedForVersion = argv.some((arg, i) => arg === '--version' && alone(i));
  const args = argv.filter((arg, i) => !(arg === '--version' && alone(i)));
  let parsed;
  try {
    parsed = parseArgs({ args, options: OPTIONS, strict: true, allowPositionals: true, tokens: true });
  } catch (error) {
    throw new UsageError(danishParseError(error));
  }
  const given = parsed.tokens.flatMap((token) => (token.kind === 'option' ? [token.name as OptionName] : []));
  const [command, ...positionals] = parsed.positionals;
  return { command, positionals, values: parsed.values as Values, given, askedForVersion };
}

/** node:util's parse errors are English; the flag they name is quoted in them. */
function danishParseError(error: unknown): string {
  const code = error instanceof Error && 'code' in error ? String(error.code) : '';
  const message = error instanceof Error ? error.message : String(error);
  const flag = /'(-{1,2}[^' ]+)/.exec(message)?.[1] ?? 'et tilvalg';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `Ukendt tilvalg ${flag}. Se samtalerum --help.`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    if (/does not take an argument/.test(message)) return `${flag} tager ingen værdi.`;
    return `${flag} mangler en værdi, fx ${flag} ${EXAMPLE_VALUES[flag] ?? '<værdi>'}.`;
  }
  return `Kommandolinjen kunne ikke læses: ${message}`;
}

const EXAMPLE_VALUES: Record<string, string> = {
  '--archive': '<sti til arkivet>',
  '--meeting': '<møde-id>',
  '--forum': '<forum-id>',
  '--from': '2026-08-01',
  '--to': '2027-06-30',
  '--variant': 'delt',
  '--version': 'shared',
  '--out': '<fil eller mappe>',
};

/** The flags that take a value. */
type StringOption = { [K in OptionName]: (typeof OPTIONS)[K]['type'] extends 'string' ? K : never }[OptionName];

/** A flag the command cannot do without. */
export function required(values: Values, name: StringOption, example: string): string {
  const value = values[name];
  if (value === undefined || value.trim() === '') throw new UsageError(`--${name} mangler, fx --${name} ${example}.`);
  return value.trim();
}

/** The words of the older --version flag, as the variants they meant. */
const OLD_VERSION_WORDS: Record<string, Variant> = { shared: 'delt', full: 'fuld' };

/**
 * --variant delt|fuld, the same words as the window and the documents. Scripts written for the older
 * --version shared|full keep working; `note` tells them (on stderr) what to write instead.
 */
export function referatVariant(values: Values, note: (line: string) => void): Variant {
  if (values.version !== undefined) {
    if (values.variant !== undefined) throw new UsageError('Brug --variant alene; --version er det gamle navn for det samme.');
    const version = required(values, 'version', 'shared');
    const variant = OLD_VERSION_WORDS[version];
    if (!variant) throw new UsageError(`--version skal være shared eller full, ikke «${version}». Skriv hellere --variant delt eller --variant fuld.`);
    note(`Bemærk: --version ${version} hedder nu --variant ${variant}; det gamle navn virker stadig.`);
    return variant;
  }
  return variantFlag(values, { delt: 'det delte referat', fuld: 'det fulde referat' });
}

/** --variant delt|fuld; `names` says what each is, e.g. «den delte dagsorden», for the message. */
export function variantFlag(values: Values, names: Record<Variant, string>): Variant {
  const variant = required(values, 'variant', 'delt');
  if (variant === 'delt' || variant === 'fuld') return variant;
  throw new UsageError(`--variant skal være delt (${names.delt}) eller fuld (${names.fuld}), ikke «${variant}».`);
}

/** A calendar date written YYYY-MM-DD that exists (no 2026-02-30). */
export function dateFlag(values: Values, name: 'from' | 'to', example: string): string {
  const value = required(values, name, example);
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day) return value;
    throw new UsageError(`--${name} ${value} er ikke en dato, der findes.`);
  }
  throw new UsageError(`--${name} skal være en dato skrevet ÅÅÅÅ-MM-DD, fx ${example}, ikke «${value}».`);
}
