import type * as Y from 'yjs';
import type { SqliteDb } from '../archive/open';
import { noteChange } from '../archive/changes';
import { KEPT_WORDS } from '../../shared/sync/keptWords';
import { ITEMS } from './codec/meetingRecords';
import { keepWords, wordsToKeep } from './openedWords';
import { keepOwnWords, ownUnsentWords } from './ownWords';
import type { Values } from './records';

/** What the core lends the words it holds across a remote update. */
export interface HeldWordsHost {
  archive(): SqliteDb;
  docFor(name: string): Y.Doc;
  /**
   * The document as its log holds it; this laptop's updates of it since the server's last, and all its log holds
   * (updateLog.ts).
   */
  stored(name: string): Y.Doc;
  ownSinceRemote(name: string): Uint8Array[];
  ownLogged(name: string): Uint8Array[];
  forumPersonOf(forumId: string): string | null;
  now(): Date;
  /** The meeting mirrored anew from the rows, stamped, as a local update. */
  mirrorMeeting(forumId: string, meetingId: string): void;
  /** Runs `change` on copies of the live documents, logged as local updates. */
  changeCopies(change: (copyOf: (name: string) => Y.Doc) => void): void;
}

/** A meeting of a member's shared forum and its two documents' names. */
export interface HeldMeeting {
  forumId: string;
  meetingId: string;
  meeting: string;
  confidential: string;
}

/**
 * The words this laptop's user typed in a meeting's items, noted before a remote update of the meeting is applied, as
 * far as that update may have been made without them: should it close one of the open items, they go back into it (ownWords.ts); should
 * it open one of the closed items, they are kept apart for the members (openedWords.ts). They wait here, by meeting
 * document, until the item's content has arrived where it now lives.
 */
export function createHeldWords(host: HeldWordsHost) {
  /** Typed in items open here, by meeting document. */
  const inOpen = new Map<string, Map<string, Values>>();
  /** Typed in items closed here, by meeting document. */
  const inClosed = new Map<string, Map<string, Values>>();
  /** The kept words' keys each fortroligt document held after its last remote update, as one text. */
  const keptSeen = new Map<string, string>();

  /**
   * Kept words another laptop added or settled change no row, so no trigger tells the windows: the meeting's agenda is
   * noted changed when the fortroligt document's entries differ from what it held after the last remote update.
   */
  function announceKept(m: HeldMeeting): void {
    const keys = [...host.docFor(m.confidential).getMap(KEPT_WORDS).keys()].sort().join(' ');
    if (keptSeen.get(m.confidential) === keys) return;
    if (keys !== '' || keptSeen.has(m.confidential)) noteChange(host.archive(), 'agenda', m.meetingId);
    keptSeen.set(m.confidential, keys);
  }

  function noted(held: Map<string, Map<string, Values>>, meeting: string, found: Map<string, Values>): void {
    const words = held.get(meeting) ?? new Map<string, Values>();
    for (const [itemId, values] of found) words.set(itemId, { ...words.get(itemId), ...values });
    if (words.size > 0) held.set(meeting, words);
  }

  return {
    /**
     * Before a remote update of one of the meeting's documents is logged: whether words wait for what it brings. Read
     * from the documents as logged, since the provider has applied the update to the live ones already. An opening
     * removes a closed item's record from the fortroligt document; it may arrive long after the server took what this
     * laptop wrote there, so all of its writing the log holds is looked for (what the opening's writer had seen, the
     * opened item holds: wordsToKeep keeps only what it lacks).
     */
    note(m: HeldMeeting, name: string): boolean {
      const db = host.archive();
      const look = (held: Map<string, Map<string, Values>>, doc: string, own: Uint8Array[], closed: boolean) => {
        if (own.length === 0) return;
        const stored = host.stored(doc);
        noted(held, m.meeting, ownUnsentWords(db, stored, own, closed));
        stored.destroy();
      };
      look(inOpen, m.meeting, host.ownSinceRemote(m.meeting), false);
      if (name === m.confidential) look(inClosed, m.confidential, host.ownLogged(m.confidential), true);
      return inOpen.has(m.meeting) || inClosed.has(m.meeting);
    },

    /**
     * After the projection: the words of items closed or opened meanwhile go where they belong, as local updates; and
     * the windows hear of kept words that changed.
     */
    keep(m: HeldMeeting, holding: boolean): void {
      if (holding) keepHeld(m);
      announceKept(m);
    },
  };

  /** The noted words of items now closed go back into them, and those of items now open are kept for the members. */
  function keepHeld(m: HeldMeeting): void {
    const db = host.archive();
    const content = host.docFor(m.confidential).getMap(ITEMS.type);
    const arrived = (itemId: string) => content.has(itemId);
    const closing = inOpen.get(m.meeting);
    if (closing && keepOwnWords(db, closing, arrived)) host.mirrorMeeting(m.forumId, m.meetingId);
    if (closing?.size === 0) inOpen.delete(m.meeting);
    const opening = inClosed.get(m.meeting);
    if (!opening) return;
    const kept = wordsToKeep(db, opening, arrived);
    if (opening.size === 0) inClosed.delete(m.meeting);
    if (kept.size === 0) return;
    const hvem = host.forumPersonOf(m.forumId);
    const tid = host.now().toISOString();
    host.changeCopies((copyOf) => {
      for (const [itemId, words] of kept) keepWords(copyOf(m.confidential), itemId, words, hvem, tid);
    });
    noteChange(db, 'agenda', m.meetingId);
  }
}
