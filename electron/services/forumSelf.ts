import type { ForumRight } from '../../shared/api/methods/sync';
import type { SqliteDb } from '../archive/open';
import { statement } from '../archive/statements';
import { ServiceError } from './errors';

/** Who the user is in a shared forum, as the server last said (migrations 018 and 020); null for a forum that is not shared. */
export interface ForumSelf {
  right: ForumRight;
  /** The forum person the user approves and consents as; null while the server links them to none. */
  personId: string | null;
}

export function forumSelf(db: SqliteDb, forumId: string): ForumSelf | null {
  const row = statement(db, 'SELECT person_right AS right, me_person_id AS personId FROM shared_forum WHERE forum_id = ?').get(forumId) as ForumSelf | undefined;
  return row ?? null;
}

/**
 * In a shared forum each person approves and consents on their own laptop, and only as themselves (the server
 * refuses anything else, so the laptop says so at once rather than lose it later). `act` completes «du kan ikke …».
 */
export function requireSelfInSharedForum(db: SqliteDb, forumId: string, personId: string, act: string): void {
  const self = forumSelf(db, forumId);
  if (!self) return;
  if (self.right === 'læser') throw new ServiceError('konflikt', `Du kan kun læse dette forum, så du kan ikke ${act} her.`, 'personId');
  if (self.personId === null) {
    throw new ServiceError(
      'konflikt',
      `Serveren har ikke knyttet dig til en person i forummet, så du kan ikke ${act} her. Bed forummets administrator om at invitere dig som dig selv.`,
      'personId',
    );
  }
  if (self.personId !== personId) {
    throw new ServiceError('ugyldigt_input', `Forummet er delt: hver dagsordensejer gør det selv på sin egen computer, så du kan ikke ${act} for en anden.`, 'personId');
  }
}
