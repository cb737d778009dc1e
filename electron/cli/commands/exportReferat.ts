import { referatVariant, required } from '../args';
import type { Command } from '../command';
import { CliError } from '../errors';
import { checkOutFile, saveFile } from '../files';
import { findMeeting } from '../lookup';

export const exportReferat: Command = {
  name: 'export-referat',
  synopsis: '--meeting <id> --variant delt|fuld --out <fil.docx> [--overwrite]',
  summary: 'Gem referatet af ét afholdt møde som Word-fil',
  flags: [
    ['--meeting <id>', 'mødet (id fra list-meetings; de første tegn er nok)'],
    ['--variant delt|fuld', 'delt: det delte referat til personalet (lukkede punkter kun som «Lukket punkt»)'],
    ['', 'fuld: det fulde referat, mærket FORTROLIGT'],
    ['--version shared|full', 'det gamle navn for --variant delt|fuld; virker stadig'],
    ['--out <fil.docx>', 'hvor filen gemmes; mappen oprettes, hvis den mangler'],
    ['--overwrite', 'erstat filen, hvis den findes i forvejen'],
  ],
  notes: ['Et møde, der ikke er afholdt endnu, har intet referat; gem dagsordenen med export-dagsorden.'],
  options: ['meeting', 'variant', 'version', 'out', 'overwrite'],
  positionals: [],
  createsArchive: false,
  async run({ values, open, out, err }) {
    const typed = required(values, 'meeting', '<møde-id>');
    const variant = referatVariant(values, (line) => err.write(`${line}\n`));
    const target = required(values, 'out', 'referat.docx');
    const overwrite = values.overwrite === true;
    checkOutFile(target, overwrite, 'referat.docx');

    const session = open();
    const meeting = await findMeeting(session, typed);
    if (meeting.status !== 'afholdt') {
      throw new CliError(
        `Mødet ${meeting.startsAt.slice(0, 10)} i ${meeting.forumName} er ikke afholdt endnu, så der er intet referat at gemme. ` +
          `Dagsordenen gemmes med samtalerum export-dagsorden --meeting ${typed} --variant ${variant} --out dagsorden.docx.`,
      );
    }
    const document = await session.call('documents.referat', { meetingId: meeting.id, variant });
    saveFile(target, Buffer.from(document.base64, 'base64'), overwrite);
    out(`Referatet (${variant === 'delt' ? 'delt version' : 'fuld version, fortroligt'}) er gemt i ${target}.`);
  },
};
