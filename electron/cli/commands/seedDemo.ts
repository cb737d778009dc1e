import { count, type Command } from '../command';

export const seedDemo: Command = {
  name: 'seed-demo',
  synopsis: '',
  summary: 'Læg demoen i arkivet: en TRIO på Bøgely Skole med et afholdt og et kommende møde',
  flags: [],
  notes: ['Demoen kan kun ligge i arkivet én gang. Arkivet oprettes, hvis det ikke findes.'],
  options: [],
  positionals: [],
  createsArchive: true,
  async run({ open, out }) {
    const session = open();
    const { forumId } = await session.call('demo.install', {});
    const forum = await session.call('forums.get', { forumId });
    const meetings = await session.call('meetings.list', { forumId });
    out(`Demoen er lagt i arkivet ${session.path}: ${forum.name} på ${forum.school} med ${count(meetings.length, 'møde', 'møder')}.`);
  },
};
