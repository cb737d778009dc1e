import { readFileSync } from 'node:fs';
import { UsageError, CliError, fileProblem } from '../errors';
import { count, type Command } from '../command';

export const importFile: Command = {
  name: 'import',
  synopsis: '<fil>',
  summary: 'Indlæs en udvekslingsfil (.json fra export-archive eller programmet) i arkivet',
  flags: [],
  notes: [
    'Det, der allerede findes i arkivet, bliver ikke lagt ind to gange. Arkivet oprettes, hvis det ikke findes.',
    'Enten lykkes hele indlæsningen, eller også ændres intet.',
  ],
  options: [],
  positionals: ['fil'],
  createsArchive: true,
  async run({ positionals, open, out }) {
    const [file] = positionals;
    if (file === undefined) throw new UsageError('Angiv filen, der skal indlæses, fx samtalerum import arkiv.json.');
    const content = readExchangeFile(file);
    const summary = await open().call('exchange.import', { content });
    out(
      `Indlæst fra ${file}: ${count(summary.forums, 'forum', 'fora')} og ${count(summary.meetings, 'møde', 'møder')} ` +
        `(${count(summary.added, 'ny post', 'nye poster')}, ${summary.alreadyPresent} fandtes i forvejen).`,
    );
  },
};

/** Reads the file and checks that it is JSON at all before the archive is opened, so a wrong file leaves no trace. */
function readExchangeFile(file: string): string {
  let content: string;
  try {
    content = readFileSync(file, 'utf8');
  } catch (error) {
    throw new CliError(`Filen ${file} kunne ikke læses: ${fileProblem(error)}.`);
  }
  try {
    JSON.parse(content);
  } catch {
    throw new CliError(`Filen ${file} er ikke en udvekslingsfil fra Samtalerum (den indeholder ikke JSON). Intet er indlæst.`);
  }
  return content;
}
