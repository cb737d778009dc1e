import type { Handlers } from './handler';

export const appHandlers: Handlers<'app.info' | 'app.startup'> = {
  // Once the services answer, the archive is open; while it opens, the start-up sequence answers.
  'app.startup': () => ({ step: 'klar', done: 0, total: 0 }),
  'app.info': (_input, ctx) => ({
    version: ctx.appVersion,
    archivePath: ctx.archive.path,
    schemaVersion: ctx.archive.schemaVersion,
  }),
};
