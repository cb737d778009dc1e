import type { Handlers } from './handler';

export const appHandlers: Handlers<'app.info'> = {
  'app.info': (_input, ctx) => ({
    version: ctx.appVersion,
    archivePath: ctx.archive.path,
    schemaVersion: ctx.archive.schemaVersion,
  }),
};
