import type { Command } from '../command';
import { shortIds } from '../ids';
import { columns } from './table';

export const listForums: Command = {
  name: 'list-forums',
  synopsis: '',
  summary: 'Vis arkivets fora, én linje pr. forum: id, navn og skole',
  flags: [],
  notes: ['Id\'et er de første tegn af forummets id; det er nok til --forum, fx i export-referater.'],
  options: [],
  positionals: [],
  createsArchive: false,
  async run({ open, out, err }) {
    const forums = await open().call('forums.list', {});
    if (forums.length === 0) err.write('Arkivet har ingen fora endnu.\n');
    const short = shortIds(forums.map((f) => f.id));
    for (const line of columns(forums.map((f) => [short(f.id), f.name, f.school]))) out(line);
  },
};
