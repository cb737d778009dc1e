import type { Command } from './command';
import { COMMANDS } from './commands';

const PROGRAM = 'samtalerum';

/** The help for the whole CLI: `samtalerum`, `samtalerum --help`. */
export function generalHelp(defaultArchive: string): string {
  const heads = COMMANDS.map((c) => `${c.name}${words(c)}`);
  const width = Math.max(...heads.map((h) => h.length)) + 2;
  return [
    'Samtalerum på kommandolinjen: samme arkiv og samme regler som i programmet.',
    '',
    `Brug: ${PROGRAM} <kommando> [tilvalg]`,
    '',
    'Kommandoer:',
    ...COMMANDS.map((c, i) => `  ${(heads[i] ?? c.name).padEnd(width)}${c.summary}`),
    '',
    'Tilvalg for alle kommandoer:',
    '  --archive <sti>   arkivet, der skal bruges. Standard er programmets eget arkiv:',
    `                    ${defaultArchive}`,
    '                    (SAMTALERUM_DATA_DIR flytter det, ligesom i programmet)',
    '  -h, --help        vis hjælpen; «samtalerum <kommando> --help» viser hjælpen til én kommando',
    '  --version         vis programmets version',
    '',
    'Id\'er: list-forums, list-meetings og vis-sag viser de første tegn af hvert id; de er nok overalt,',
    'hvor et id skal angives, og det hele id virker også.',
    '',
    'Eksempler:',
    `  ${PROGRAM} list-forums`,
    `  ${PROGRAM} list-meetings`,
    `  ${PROGRAM} export-dagsorden --meeting <møde-id> --variant delt --out dagsorden.docx`,
    `  ${PROGRAM} export-referat --meeting <møde-id> --variant delt --out referat.docx`,
    `  ${PROGRAM} export-referater --forum <forum-id> --from 2026-08-01 --to 2027-06-30 --variant fuld --out referater`,
    `  ${PROGRAM} export-beslutningslog --forum <forum-id> --from 2026-08-01 --to 2027-06-30 --variant delt --out beslutninger.csv`,
    `  ${PROGRAM} vis-sag`,
    `  ${PROGRAM} vis-sag <sags-id>`,
    `  ${PROGRAM} export-archive --out arkiv.json`,
    '',
    'Eksisterende filer erstattes kun med --overwrite. Fejl skrives på stderr; afslutningskoden er da 1',
    '(2 hvis kommandolinjen er forkert). Luk gerne programmet, mens du ændrer arkivet med seed-demo eller import.',
  ].join('\n');
}

/** The words after the command name, e.g. « <fil>», in brackets when the command runs without them. */
function words(command: Command): string {
  return command.positionals.map((p) => (command.wordsOptional ? ` [<${p}>]` : ` <${p}>`)).join('');
}

/** The help for one command: `samtalerum export-referat --help`. */
export function commandHelp(command: Command): string {
  const synopsis = command.synopsis === '' ? '' : ` ${command.synopsis}`;
  const flags: [string, string][] = [...command.flags, ['--archive <sti>', 'arkivet, der skal bruges (standard: programmets eget arkiv)']];
  const width = Math.max(...flags.map(([flag]) => flag.length)) + 3;
  return [
    `Brug: ${PROGRAM} ${command.name}${words(command)}${synopsis} [--archive <sti>]`,
    '',
    `${command.summary}.`,
    '',
    ...flags.map(([flag, text]) => `  ${flag.padEnd(width)}${text}`),
    ...(command.notes.length > 0 ? ['', ...command.notes] : []),
  ].join('\n');
}
