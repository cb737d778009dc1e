import { readFileSync } from 'node:fs';
import { decodeExchangeBytes } from '../../services/exchangeText';
import { UsageError, CliError, fileProblem } from '../errors';
import { count, type Command } from '../command';

export const importFile: Command = {
  name: 'import',
  synopsis: '[--behold-begge]',
  summary: 'Indlæs en udvekslingsfil (.json fra export-archive eller programmet) i arkivet',
  flags: [
    ['--behold-begge', 'indlæs et møde, som arkivet har under et andet id (samme forum, tid og titel), som et møde mere'],
  ],
  notes: [
    'Det, der allerede findes i arkivet, bliver ikke lagt ind to gange. Arkivet oprettes, hvis det ikke findes.',
    'Filen skal være gemt som UTF-8 (med eller uden byte order mark), som programmet gemmer den.',
    'Godkendte referater skal følge programmets regler: kun et afholdt møde, kun dagsordensejerne på mødedagen.',
    'Enten lykkes hele indlæsningen, eller også ændres intet.',
  ],
  options: ['behold-begge'],
  positionals: ['fil'],
  createsArchive: true,
  async run({ positionals, values, open, out }) {
    const [file] = positionals;
    if (file === undefined) throw new UsageError('Angiv filen, der skal indlæses, fx samtalerum import arkiv.json.');
    const content = readExchangeFile(file);
    const keepBoth = values['behold-begge'] === true;
    let summary;
    try {
      summary = await open().call('exchange.import', { content, keepBoth });
    } catch (error) {
      // The service names the choice as the app shows it; on the command line it is a flag.
      if (error instanceof CliError && error.field === 'keepBoth') {
        throw new CliError(`${error.message} Brug --behold-begge for at indlæse det som et møde mere.`);
      }
      throw error;
    }
    out(
      `Indlæst fra ${file}: ${count(summary.forums, 'forum', 'fora')} og ${count(summary.meetings, 'møde', 'møder')} ` +
        `(${count(summary.added, 'ny post', 'nye poster')}, ${summary.alreadyPresent} fandtes i forvejen).`,
    );
    for (const line of summary.merged) out(`Flettet: ${line}`);
    // What the imported meetings still lack is part of the answer, one line each, so a script can read it too.
    for (const line of summary.unmetNorms) out(`Bemærk: ${line}`);
  },
};

/**
 * Reads the file, and checks that it is UTF-8 JSON at all, before the archive is opened, so a wrong
 * file leaves no trace. The bytes are decoded as the import service decodes them.
 */
function readExchangeFile(file: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new CliError(`Filen ${file} kunne ikke læses: ${fileProblem(error)}.`);
  }
  const decoded = decodeExchangeBytes(bytes);
  if (!decoded.ok) throw new CliError(`${file}: ${decoded.message}`);
  try {
    JSON.parse(decoded.text);
  } catch {
    throw new CliError(`Filen ${file} er ikke en udvekslingsfil fra Samtalerum (den indeholder ikke JSON). Intet er indlæst.`);
  }
  return decoded.text;
}
