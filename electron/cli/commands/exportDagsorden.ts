import { required, variantFlag } from '../args';
import type { Command } from '../command';
import { checkOutFile, saveFile } from '../files';
import { findMeeting } from '../lookup';

export const exportDagsorden: Command = {
  name: 'export-dagsorden',
  synopsis: '--meeting <id> --variant delt|fuld --out <fil.docx> [--overwrite]',
  summary: 'Gem dagsordenen til ét møde som Word-fil',
  flags: [
    ['--meeting <id>', 'mødet (id fra list-meetings; de første tegn er nok)'],
    ['--variant delt|fuld', 'delt: dagsordenen til udsendelse (lukkede punkter kun som «Lukket punkt»)'],
    ['', 'fuld: den fulde dagsorden til dagsordensejerne, mærket FORTROLIGT'],
    ['--out <fil.docx>', 'hvor filen gemmes; mappen oprettes, hvis den mangler'],
    ['--overwrite', 'erstat filen, hvis den findes i forvejen'],
  ],
  notes: ['Dagsordenen kan gemmes både før og efter mødet; den viser punkterne, som de står i arkivet nu.'],
  options: ['meeting', 'variant', 'out', 'overwrite'],
  positionals: [],
  createsArchive: false,
  async run({ values, open, out }) {
    const typed = required(values, 'meeting', '<møde-id>');
    const variant = variantFlag(values, { delt: 'dagsordenen til udsendelse', fuld: 'den fulde dagsorden' });
    const target = required(values, 'out', 'dagsorden.docx');
    const overwrite = values.overwrite === true;
    checkOutFile(target, overwrite, 'dagsorden.docx');

    const session = open();
    const meeting = await findMeeting(session, typed);
    // The service builds the shared variant from the redaction boundary's shared view of the meeting.
    const document = await session.call('documents.dagsorden', { meetingId: meeting.id, variant });
    saveFile(target, Buffer.from(document.base64, 'base64'), overwrite);
    out(`Dagsordenen (${variant === 'delt' ? 'til udsendelse' : 'fuld version, fortroligt'}) er gemt i ${target}.`);
  },
};
