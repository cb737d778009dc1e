/**
 * How a shared forum stands with the server, per forum, as the laptop sees it:
 *   'forbundet'       connected: what is written here reaches the others, and theirs arrives here;
 *   'offline'         working offline: everything is saved on this laptop and sent when the server is reached;
 *   'adgang-fjernet'  the server refused this laptop the forum (the person was removed or the device
 *                     revoked): the laptop stops trying and keeps its own copy.
 */
export type ForumSyncState = 'forbundet' | 'offline' | 'adgang-fjernet';

export interface ForumSyncStatus {
  forumId: string;
  state: ForumSyncState;
  /** Changes written on this laptop that the server has not yet confirmed. */
  waiting: number;
  /**
   * Present when the server refused a change written here because it approved or consented for someone other
   * than the person signed in: the meeting it was in is not sent from this laptop again until the next start.
   */
  refusedChange?: true;
  /**
   * Present when the server lets this laptop only read a document that holds changes written here (the person was
   * made læser, or the meeting's referat was approved, while the laptop was away): the server will never take them.
   * They stay on this laptop, but the others do not get them.
   */
  notTaken?: true;
  /**
   * Present while a copy of the forum that this laptop held before it joined waits for the server's documents, to be
   * merged into them (electron/sync/joiningCopy.ts): until then the others' changes are not shown here.
   */
  copyWaiting?: true;
}
