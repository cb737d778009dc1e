import { join } from 'node:path';
import { escapeInvisible } from '../../../shared/api/text';
import { dateFlag, referatVariant, required } from '../args';
import { count, type Command } from '../command';
import { UsageError } from '../errors';
import { checkOutFolder, exists, fileExists, makeFolder, removeQuietly, safeFileName, writeWholeFile } from '../files';
import { findForum } from '../lookup';
import { Progress } from '../progress';

interface Prepared {
  path: string;
  data: Buffer;
}

export const exportReferater: Command = {
  name: 'export-referater',
  synopsis: '--forum <id> --from <ÅÅÅÅ-MM-DD> --to <ÅÅÅÅ-MM-DD> --variant delt|fuld --out <mappe> [--overwrite]',
  summary: 'Gem referaterne af et forums afholdte møder i en periode, ét Word-dokument pr. møde',
  flags: [
    ['--forum <id>', 'forummet (id fra list-forums; de første tegn er nok)'],
    ['--from, --to <dato>', 'perioden, begge dage med, fx --from 2026-08-01 --to 2027-06-30'],
    ['--variant delt|fuld', 'det delte eller det fulde referat (se export-referat --help)'],
    ['--version shared|full', 'det gamle navn for --variant delt|fuld; virker stadig'],
    ['--out <mappe>', 'mappen, filerne gemmes i; den oprettes, hvis den mangler'],
    ['--overwrite', 'erstat filer, der findes i forvejen'],
  ],
  notes: [
    'Kun møder med status afholdt kommer med. Filerne hedder fx «Referat TRIO 2026-12-01 (delt).docx».',
    'Findes en af filerne i forvejen, gemmes ingen af dem (medmindre --overwrite er givet).',
    'Fremdriften vises på stderr.',
  ],
  options: ['forum', 'from', 'to', 'variant', 'version', 'out', 'overwrite'],
  positionals: [],
  createsArchive: false,
  async run({ values, open, err }) {
    const typedForum = required(values, 'forum', '<forum-id>');
    const from = dateFlag(values, 'from', '2026-08-01');
    const to = dateFlag(values, 'to', '2027-06-30');
    if (from > to) throw new UsageError(`--from ${from} ligger efter --to ${to}. Byt om på dem.`);
    const variant = referatVariant(values, (line) => err.write(`${line}\n`));
    const folder = required(values, 'out', 'referater');
    const overwrite = values.overwrite === true;
    checkOutFolder(folder);

    const session = open();
    const forum = await findForum(session, typedForum);
    const meetings = (await session.call('meetings.list', { forumId: forum.id }))
      .filter((m) => m.status === 'afholdt' && m.startsAt.slice(0, 10) >= from && m.startsAt.slice(0, 10) <= to)
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.id.localeCompare(b.id));
    if (meetings.length === 0) {
      err.write(`Ingen afholdte møder i ${escapeInvisible(forum.name)} fra ${from} til ${to}. Intet er gemt.\n`);
      return;
    }

    // First every document, in memory: a meeting that fails, or a file that is already there, stops the
    // export before anything is written, so the folder never holds half a batch.
    const progress = new Progress(err, meetings.length);
    const prepared: Prepared[] = [];
    const taken = new Set<string>();
    progress.start();
    try {
      for (const meeting of meetings) {
        const document = await session.call('documents.referat', { meetingId: meeting.id, variant });
        const name = uniqueName(safeFileName(document.fileName, `Referat ${meeting.startsAt.slice(0, 10)} ${meeting.id}.docx`), taken);
        const path = join(folder, name);
        if (!overwrite && fileExists(path)) throw exists(path);
        prepared.push({ path, data: Buffer.from(document.base64, 'base64') });
        progress.step(name.replace(/\.docx$/i, ''));
      }
      writeAll(folder, prepared, overwrite);
    } catch (error) {
      progress.abort();
      throw error;
    }
    const what = variant === 'delt' ? 'delt version' : 'fuld version, fortroligt';
    progress.finish(`Færdig: ${count(prepared.length, 'referat', 'referater')} (${what}) fra ${forum.name} er gemt i ${folder}.`);
  },
};

/** Two meetings on one day would get one name; the second becomes "… (2).docx". */
function uniqueName(name: string, taken: Set<string>): string {
  const dot = name.toLowerCase().endsWith('.docx') ? name.length - 5 : name.length;
  let candidate = name;
  for (let n = 2; taken.has(candidate.toLowerCase()); n += 1) candidate = `${name.slice(0, dot)} (${n})${name.slice(dot)}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

/** Writes the batch; if one file fails, the files this run created are removed again. */
function writeAll(folder: string, prepared: Prepared[], overwrite: boolean): void {
  const undoFolder = makeFolder(folder);
  const created: string[] = [];
  try {
    for (const file of prepared) {
      const isNew = !fileExists(file.path);
      writeWholeFile(file.path, file.data, overwrite);
      if (isNew) created.push(file.path);
    }
  } catch (error) {
    for (const path of created) removeQuietly(path);
    undoFolder();
    throw error;
  }
}
