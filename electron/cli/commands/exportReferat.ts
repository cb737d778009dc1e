import { dirname } from 'node:path';
import { referatVariant, required } from '../args';
import type { Command } from '../command';
import { checkOutFile, makeFolder, writeWholeFile } from '../files';

export const exportReferat: Command = {
  name: 'export-referat',
  synopsis: '--meeting <id> --variant delt|fuld --out <fil.docx> [--overwrite]',
  summary: 'Gem referatet af ét møde som Word-fil',
  flags: [
    ['--meeting <id>', 'mødet (id fra list-meetings)'],
    ['--variant delt|fuld', 'delt: det delte referat til personalet (lukkede punkter kun som «Lukket punkt»)'],
    ['', 'fuld: det fulde referat, mærket FORTROLIGT'],
    ['--version shared|full', 'det gamle navn for --variant delt|fuld; virker stadig'],
    ['--out <fil.docx>', 'hvor filen gemmes; mappen oprettes, hvis den mangler'],
    ['--overwrite', 'erstat filen, hvis den findes i forvejen'],
  ],
  notes: [],
  options: ['meeting', 'variant', 'version', 'out', 'overwrite'],
  positionals: [],
  createsArchive: false,
  async run({ values, open, out, err }) {
    const meetingId = required(values, 'meeting', '<møde-id>');
    const variant = referatVariant(values, (line) => err.write(`${line}\n`));
    const target = required(values, 'out', 'referat.docx');
    const overwrite = values.overwrite === true;
    checkOutFile(target, overwrite, 'referat.docx');

    const document = await open().call('documents.referat', { meetingId, variant });
    const undoFolder = makeFolder(dirname(target));
    try {
      writeWholeFile(target, Buffer.from(document.base64, 'base64'), overwrite);
    } catch (error) {
      undoFolder();
      throw error;
    }
    out(`Referatet (${variant === 'delt' ? 'delt version' : 'fuld version, fortroligt'}) er gemt i ${target}.`);
  },
};
