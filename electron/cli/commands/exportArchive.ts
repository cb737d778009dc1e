import { required } from '../args';
import type { Command } from '../command';
import { checkOutFile, saveFile } from '../files';

export const exportArchive: Command = {
  name: 'export-archive',
  synopsis: '--out <fil.json> [--overwrite]',
  summary: 'Gem hele arkivet som udvekslingsfil (.json), som import kan læse igen',
  flags: [
    ['--out <fil.json>', 'hvor filen gemmes; mappen oprettes, hvis den mangler'],
    ['--overwrite', 'erstat filen, hvis den findes i forvejen'],
  ],
  notes: ['Filen er en kopi af hele arkivet: opbevar den lige så forsvarligt som arkivet selv.'],
  options: ['out', 'overwrite'],
  positionals: [],
  createsArchive: false,
  async run({ values, open, out }) {
    const target = required(values, 'out', 'arkiv.json');
    const overwrite = values.overwrite === true;
    checkOutFile(target, overwrite, 'arkiv.json');

    const document = await open().call('exchange.export', { scope: 'arkiv', id: null });
    saveFile(target, Buffer.from(document.base64, 'base64'), overwrite);
    out(`Arkivet er gemt som udvekslingsfil i ${target}.`);
  },
};
