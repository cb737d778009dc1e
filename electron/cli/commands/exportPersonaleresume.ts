import { required } from '../args';
import type { Command } from '../command';
import { CliError, UsageError } from '../errors';
import { checkOutFile, saveFile } from '../files';
import { findMeeting } from '../lookup';

export const exportPersonaleresume: Command = {
  name: 'export-personaleresume',
  synopsis: '--meeting <id> --out <fil.docx|fil.txt> [--overwrite]',
  summary: 'Gem personaleresuméet («Nyt fra …») af ét afholdt møde som Word-fil eller tekst',
  flags: [
    ['--meeting <id>', 'mødet (id fra list-meetings; de første tegn er nok)'],
    ['--out <fil.docx|fil.txt>', '.docx giver en Word-fil; .txt giver ren tekst (UTF-8) til nyhedsbrev eller intranet'],
    ['--overwrite', 'erstat filen, hvis den findes i forvejen'],
  ],
  notes: ['Resuméet er til hele personalet: lukkede punkter er aldrig med, og der er derfor ingen --variant.'],
  options: ['meeting', 'out', 'overwrite'],
  positionals: [],
  createsArchive: false,
  async run({ values, open, out }) {
    const typed = required(values, 'meeting', '<møde-id>');
    const target = required(values, 'out', 'personaleresume.docx');
    const asText = /\.txt$/i.test(target);
    if (!asText && !/\.docx$/i.test(target)) {
      throw new UsageError(`--out ${target} skal ende på .docx (Word) eller .txt (ren tekst), så det er klart, hvad filen er.`);
    }
    const overwrite = values.overwrite === true;
    checkOutFile(target, overwrite, 'personaleresume.docx');

    const session = open();
    const meeting = await findMeeting(session, typed);
    if (meeting.status !== 'afholdt') {
      throw new CliError(`Mødet ${meeting.startsAt.slice(0, 10)} i ${meeting.forumName} er ikke afholdt endnu, så der er ingen beslutninger at fortælle personalet om.`);
    }
    // Both come from the redaction boundary's shared view in the service: nothing from a closed item.
    const data = asText
      ? Buffer.from((await session.call('documents.staffText', { meetingId: meeting.id })).text, 'utf8')
      : Buffer.from((await session.call('documents.staffSummary', { meetingId: meeting.id })).base64, 'base64');
    saveFile(target, data, overwrite);
    out(`Personaleresuméet er gemt ${asText ? 'som tekst ' : ''}i ${target}.`);
  },
};
