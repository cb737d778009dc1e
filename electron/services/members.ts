import { endMember, findMember, insertMember, insertPerson, membersOf } from '../archive/queries/members';
import { deleteTheme, insertTheme } from '../archive/queries/themes';
import { ServiceError, notFound } from './errors';
import { requireForum } from './forums';
import type { Handlers } from './handler';

export const memberHandlers: Handlers<'members.add' | 'members.end' | 'themes.add' | 'themes.remove'> = {
  'members.add': ({ forumId, name, role, fromDate, agendaOwner, chair }, ctx) => {
    const { db } = ctx.archive;
    requireForum(db, forumId);
    // The same person taking a second role (or coming back) keeps one identity in the forum's history.
    const known = membersOf(db, forumId).find((m) => m.name.localeCompare(name, 'da', { sensitivity: 'accent' }) === 0);
    const personId = known?.personId ?? ctx.newId();
    if (!known) insertPerson(db, personId, name, ctx.now().toISOString());
    const id = ctx.newId();
    insertMember(db, forumId, { id, personId, role, fromDate, agendaOwner, chair });
    const member = findMember(db, id);
    if (!member) throw notFound('Rollen');
    return member;
  },

  'members.end': ({ memberId, toDate }, ctx) => {
    const { db } = ctx.archive;
    const member = findMember(db, memberId);
    if (!member) throw notFound('Rollen', 'memberId');
    if (toDate < member.fromDate) {
      throw new ServiceError('ugyldigt_input', 'Til-datoen ligger før personen fik rollen. Vælg en senere dato.', 'toDate');
    }
    endMember(db, memberId, toDate);
    return { ...member, toDate };
  },

  'themes.add': ({ forumId, month, title }, ctx) => {
    requireForum(ctx.archive.db, forumId);
    const theme = { id: ctx.newId(), month, title };
    insertTheme(ctx.archive.db, forumId, theme);
    return theme;
  },

  'themes.remove': ({ themeId }, ctx) => {
    if (!deleteTheme(ctx.archive.db, themeId)) throw notFound('Temaet', 'themeId');
    return { removed: true };
  },
};
