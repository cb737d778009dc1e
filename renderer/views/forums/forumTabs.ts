/** A forum page's tabs, and the tab each forum was left on, kept apart from the page so others can choose it without loading the page. */
export type ForumTabKey = 'overblik' | 'spilleregler' | 'roller' | 'farvekode' | 'aarshjul' | 'indbakke' | 'deling';

/** The tab each forum was left on, so coming back from one of its meetings lands where the user was. */
export const lastForumTab = new Map<string, ForumTabKey>();

/** Opens the forum on its «Deling» tab next time it is shown (from a lyttemøde series that became a forum). */
export function showSharingTabNext(forumId: string): void {
  lastForumTab.set(forumId, 'deling');
}
