import type { Command } from '../command';
import { columns, meetingTime } from './table';

export const listMeetings: Command = {
  name: 'list-meetings',
  synopsis: '[--forum <id>]',
  summary: 'Vis møderne, ældste først, én linje pr. møde: id, tidspunkt, forum og status',
  flags: [['--forum <id>', 'kun møderne i ét forum (id fra list-forums)']],
  notes: ['Status er planlagt eller afholdt.'],
  options: ['forum'],
  positionals: [],
  createsArchive: false,
  async run({ values, open, out, err }) {
    const forumId = values.forum?.trim();
    const meetings = await open().call('meetings.list', forumId === undefined ? {} : { forumId });
    const oldestFirst = [...meetings].sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.id.localeCompare(b.id));
    if (oldestFirst.length === 0) err.write(forumId === undefined ? 'Arkivet har ingen møder endnu.\n' : 'Forummet har ingen møder endnu.\n');
    for (const line of columns(oldestFirst.map((m) => [m.id, meetingTime(m.startsAt), m.forumName, m.status]))) out(line);
  },
};
