import { findItem, findMeeting, insertItem, nextItemPosition } from '../archive/queries/meetings';
import { notFound } from './errors';
import type { Handlers } from './handler';

export const agendaHandlers: Handlers<'agenda.addItem'> = {
  'agenda.addItem': (input, ctx) => {
    const { db } = ctx.archive;
    if (!findMeeting(db, input.meetingId)) throw notFound('Mødet', 'meetingId');
    const id = ctx.newId();
    insertItem(db, { id, position: nextItemPosition(db, input.meetingId), ...input });
    const item = findItem(db, id);
    if (!item) throw notFound('Punktet');
    return item;
  },
};
