import { shortIds } from '../ids';
import { findForum } from '../lookup';
import type { Command } from '../command';
import { columns, meetingTime } from './table';

export const listMeetings: Command = {
  name: 'list-meetings',
  synopsis: '[--forum <id>]',
  summary: 'Vis møderne, ældste først, én linje pr. møde: id, tidspunkt, forum, titel og status',
  flags: [['--forum <id>', 'kun møderne i ét forum (id fra list-forums)']],
  notes: [
    'Status er planlagt eller afholdt.',
    'Id\'et er de første tegn af mødets id; det er nok til --meeting, fx export-referat --meeting <id>.',
  ],
  options: ['forum'],
  positionals: [],
  createsArchive: false,
  async run({ values, open, out, err }) {
    const session = open();
    const forumId = values.forum === undefined ? undefined : (await findForum(session, values.forum)).id;
    const all = await session.call('meetings.list', {});
    // Short enough to read, long enough to tell every meeting in the archive apart, not only these.
    const short = shortIds(all.map((m) => m.id));
    const shown = all
      .filter((m) => forumId === undefined || m.forumId === forumId)
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.id.localeCompare(b.id));
    if (shown.length === 0) err.write(forumId === undefined ? 'Arkivet har ingen møder endnu.\n' : 'Forummet har ingen møder endnu.\n');
    for (const line of columns(shown.map((m) => [short(m.id), meetingTime(m.startsAt), m.forumName, m.title, m.status]))) out(line);
  },
};
