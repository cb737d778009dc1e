import { DEFAULT_COLOURS } from '../../shared/domain/colours';
import { readableTextOn } from '../../shared/domain/contrast';
import { FORUM_PRESETS } from '../../shared/domain/forums';
import { defaultGroundRules } from '../../shared/domain/groundRules';
import { buildYearPlan } from '../../shared/domain/yearPlan';
import type { Forum } from '../../shared/api/types';
import type { SqliteDb } from '../archive/open';
import {
  findForum,
  forumColours,
  forumNameTaken,
  insertForum,
  listForums,
  updateForum,
  upsertColour,
} from '../archive/queries/forums';
import { addGroundRulesVersion } from '../archive/queries/groundRules';
import { listMeetings } from '../archive/queries/meetings';
import { insertTheme } from '../archive/queries/themes';
import type { ServiceContext } from './context';
import { ServiceError, notFound } from './errors';
import type { Handlers } from './handler';
import { localDay, localMinute } from './time';

export function requireForum(db: SqliteDb, forumId: string): Forum {
  const forum = findForum(db, forumId);
  if (!forum) throw notFound('Forummet', 'forumId');
  return forum;
}

/** A list filtered by a forum that does not exist is a mistake worth telling, not an empty list. */
export function requireForumIfGiven(db: SqliteDb, forumId: string | undefined): void {
  if (forumId !== undefined) requireForum(db, forumId);
}

function refuseDuplicateName(db: SqliteDb, name: string, school: string, exceptId?: string): void {
  if (forumNameTaken(db, name, school, exceptId)) {
    throw new ServiceError(
      'konflikt',
      `Der findes allerede et forum med navnet «${name}» på ${school}. Vælg et andet navn.`,
      'name',
    );
  }
}

type CreateInput = Parameters<(typeof forumHandlers)['forums.create']>[0];

/** Creates a forum with the default colours, starting spilleregler and the type's recurring themes. */
export function createForum(ctx: ServiceContext, input: CreateInput, demo = false): Forum {
  const { db } = ctx.archive;
  refuseDuplicateName(db, input.name, input.school);
  const id = ctx.newId();
  const now = ctx.now().toISOString();
  insertForum(db, { ...input, id, demo, createdAt: now }, DEFAULT_COLOURS);
  addGroundRulesVersion(db, id, defaultGroundRules(input.kind), '', now);
  for (const theme of FORUM_PRESETS[input.kind].themes) insertTheme(db, id, { id: ctx.newId(), ...theme });
  return requireForum(db, id);
}

export const forumHandlers: Handlers<
  'forums.list' | 'forums.get' | 'forums.create' | 'forums.update' | 'forums.updateGroundRules' | 'forums.updateColour' | 'forums.yearPlan'
> = {
  'forums.list': (_input, ctx) => listForums(ctx.archive.db, localMinute(ctx.now())),

  'forums.get': ({ forumId }, ctx) => requireForum(ctx.archive.db, forumId),

  'forums.create': (input, ctx) => createForum(ctx, input),

  'forums.update': ({ forumId, ...fields }, ctx) => {
    const { db } = ctx.archive;
    requireForum(db, forumId);
    refuseDuplicateName(db, fields.name, fields.school, forumId);
    updateForum(db, forumId, fields);
    return requireForum(db, forumId);
  },

  'forums.updateGroundRules': ({ forumId, text, note }, ctx) => {
    const { db } = ctx.archive;
    const forum = requireForum(db, forumId);
    if (forum.groundRules[0]?.text === text) {
      throw new ServiceError('ugyldigt_input', 'Spillereglerne er de samme som den gældende version. Intet blev ændret.', 'text');
    }
    addGroundRulesVersion(db, forumId, text, note, ctx.now().toISOString());
    return requireForum(db, forumId);
  },

  'forums.updateColour': ({ forumId, colour, label, code, meaning, hex }, ctx) => {
    const { db } = ctx.archive;
    requireForum(db, forumId);
    const current = forumColours(db, forumId).find((c) => c.key === colour);
    if (!current) throw notFound('Farven', 'colour');
    const clash = forumColours(db, forumId).find((c) => c.key !== colour && c.code === code);
    if (clash) {
      throw new ServiceError('konflikt', `Koden ${code} bruges allerede af ${clash.label}. Farverne skal kunne skelnes uden farve.`, 'code');
    }
    // The text colour follows the background, so the badge stays readable whatever colour is chosen.
    upsertColour(db, forumId, { ...current, label, code, meaning, hex, textHex: readableTextOn(hex) });
    return requireForum(db, forumId);
  },

  'forums.yearPlan': ({ forumId, schoolYearStart }, ctx) => {
    const { db } = ctx.archive;
    const forum = requireForum(db, forumId);
    return buildYearPlan({
      schoolYearStart,
      cadence: forum.cadence,
      today: localDay(ctx.now()),
      meetings: listMeetings(db, forumId).map(({ id, title, startsAt, status }) => ({ id, title, startsAt, status })),
      themes: forum.themes,
      since: localDay(new Date(forum.createdAt)),
    });
  },
};
