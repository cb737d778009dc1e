import type { RegisteredDecision } from '../../../shared/api/types';
import { REGISTER_PAGE } from '../../../shared/api/methods/register';
import { buildDecisionLog, decisionLogCsv, logScope, type DecisionLog } from '../../export/beslutningslog';
import { dateFlag, required, variantFlag } from '../args';
import { count, type Command } from '../command';
import { UsageError } from '../errors';
import { checkOutFile, saveFile } from '../files';
import { findForum } from '../lookup';
import type { Session } from '../session';

export const exportBeslutningslog: Command = {
  name: 'export-beslutningslog',
  synopsis: '[--forum <id>] [--from <ÅÅÅÅ-MM-DD>] [--to <ÅÅÅÅ-MM-DD>] --variant delt|fuld --out <fil.docx|fil.csv> [--overwrite]',
  summary: 'Gem beslutningsloggen som Word-fil eller som CSV til et regneark',
  flags: [
    ['--forum <id>', 'kun beslutningerne i ét forum (id fra list-forums); uden den kommer alle fora med'],
    ['--from, --to <dato>', 'kun møderne i perioden, begge dage med, fx --from 2026-08-01 --to 2027-06-30'],
    ['--variant delt|fuld', 'delt: uden beslutninger på lukkede punkter; fuld: med dem, mærket FORTROLIGT'],
    ['--out <fil.docx|fil.csv>', '.docx giver et Word-dokument; .csv giver en fil til Excel og andre regneark'],
    ['--overwrite', 'erstat filen, hvis den findes i forvejen'],
  ],
  notes: [
    'Beslutningerne står ældste først. CSV-filen er UTF-8 med semikolon mellem felterne, som et dansk Excel',
    'åbner den med et dobbeltklik. Et felt, der begynder med = + - eller @, får en apostrof foran, så',
    'regnearket viser det som tekst og ikke regner på det.',
  ],
  options: ['forum', 'from', 'to', 'variant', 'out', 'overwrite'],
  positionals: [],
  createsArchive: false,
  async run({ values, open, out, err }) {
    const from = values.from === undefined ? null : dateFlag(values, 'from', '2026-08-01');
    const to = values.to === undefined ? null : dateFlag(values, 'to', '2027-06-30');
    if (from !== null && to !== null && from > to) throw new UsageError(`--from ${from} ligger efter --to ${to}. Byt om på dem.`);
    const variant = variantFlag(values, { delt: 'uden lukkede punkter', fuld: 'med lukkede punkter' });
    const target = required(values, 'out', 'beslutningslog.docx');
    const asCsv = /\.csv$/i.test(target);
    if (!asCsv && !/\.docx$/i.test(target)) {
      throw new UsageError(`--out ${target} skal ende på .docx (Word) eller .csv (regneark), så det er klart, hvad filen er.`);
    }
    const overwrite = values.overwrite === true;
    checkOutFile(target, overwrite, 'beslutningslog.docx');

    const session = open();
    const forum = values.forum === undefined ? null : await findForum(session, values.forum);
    const log: DecisionLog = {
      variant,
      forumName: forum?.name ?? null,
      from,
      to,
      decisions: await allDecisions(session, {
        ...(forum === null ? {} : { forumId: forum.id }),
        ...(from === null ? {} : { from }),
        ...(to === null ? {} : { to }),
        // The shared variant asks the register for what a reader without the confidential right may see.
        includeConfidential: variant === 'fuld',
      }),
    };
    if (log.decisions.length === 0) {
      err.write(`Ingen beslutninger i ${logScope(log)}. Intet er gemt.\n`);
      return;
    }
    saveFile(target, asCsv ? decisionLogCsv(log) : await buildDecisionLog(log), overwrite);
    const what = variant === 'delt' ? 'delt version' : 'fuld version, fortroligt';
    out(`Beslutningsloggen (${what}, ${count(log.decisions.length, 'beslutning', 'beslutninger')}) er gemt ${asCsv ? 'som CSV ' : ''}i ${target}.`);
  },
};

type Filters = { forumId?: string; from?: string; to?: string; includeConfidential: boolean };

/** Every decision the filters find, page by page as the register reads them, then oldest first. */
async function allDecisions(session: Session, filters: Filters): Promise<RegisteredDecision[]> {
  const rows: RegisteredDecision[] = [];
  for (let more = true; more; ) {
    const page = await session.call('decisions.list', { ...filters, limit: REGISTER_PAGE.max, offset: rows.length });
    rows.push(...page.rows);
    more = page.more;
  }
  // The register reads newest first, each meeting's items in agenda order; a log is read from the
  // beginning, and the stable sort keeps each meeting's decisions in agenda order.
  return rows.sort((a, b) => a.meetingStartsAt.localeCompare(b.meetingStartsAt));
}
