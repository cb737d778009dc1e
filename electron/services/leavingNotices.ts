import type { ArchiveNotice } from '../../shared/api/methods/backup';
import { statement } from '../archive/statements';
import type { AccessLost } from '../sync/leaving';
import type { SyncCore } from '../sync/types';
import type { ServiceContext } from './context';

/**
 * Telling the user, once, that a forum's confidential content has left this laptop (electron/sync/leaving.ts):
 * an archive notice, shown at the top of every page (the forum and the Oversigt) for the rest of the session,
 * and marked told in the archive so the next start does not say it again.
 */

const BACKUPS_AND_FILES =
  'Sikkerhedskopier af arkivet, der blev taget før, og Word-filer, der er gemt eller sendt, rummer stadig det, de rummede: slet dem, hvis de ikke længere må ligge på denne computer.';

/**
 * What was written here and not yet taken by the server never reaches the others now (the server refuses it); the
 * laptop cannot say afterwards whether there was any, since the documents' log went with the access.
 */
const UNSENT = 'Havde du skrevet noget i forummet her, som endnu ikke var nået frem til serveren, har de andre ikke fået det';

export function leavingMessage(lost: Pick<AccessLost, 'scope'>, forumName: string): string {
  const forum = `«${forumName}»`;
  if (lost.scope === 'fortroligt') {
    return (
      `Du er nu læser i forummet ${forum} og må ikke længere se dets fortrolige punkter. De er derfor slettet fra denne computer, ` +
      `også fra søgningen; resten af forummet deles stadig. ${UNSENT}, for som læser kan du ikke ændre forummet: det står stadig her på computeren, ` +
      `undtagen det, du skrev i de fortrolige punkter, som er slettet med dem. ${BACKUPS_AND_FILES}`
    );
  }
  return (
    `Denne computer har ikke længere adgang til forummet ${forum}: du er fjernet som medlem, eller computeren er spærret. ` +
    `Forummets fortrolige indhold er derfor slettet herfra, også fra søgningen. Det, alle i forummet kunne se, er bevaret som en lokal kopi, ` +
    `der ikke længere holdes i takt med de andre. ${UNSENT}: det åbne står stadig i din kopi her, det fortrolige er slettet med resten. ${BACKUPS_AND_FILES}`
  );
}

/** Moves the losses the user has not been told of into the session's notices; true when there was one. */
export function tellLosses(ctx: ServiceContext, sync: SyncCore): boolean {
  const untold = sync.lostForums().filter((lost) => lost.purgedAt !== null && lost.toldAt === null);
  for (const lost of untold) {
    const name = statement(ctx.archive.db, 'SELECT name FROM forum WHERE id = ?').pluck().get(lost.forumId);
    const notice: ArchiveNotice = { kind: 'adgang-mistet', message: leavingMessage(lost, typeof name === 'string' ? name : 'et delt forum'), offer: null };
    ctx.notices.push(notice);
    sync.markLossTold(lost.forumId);
  }
  return untold.length > 0;
}
