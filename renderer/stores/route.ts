import { create } from 'zustand';

export type Section = 'oversigt' | 'fora' | 'moeder' | 'opfoelgning' | 'lyttemoeder' | 'arkiv' | 'indstillinger';

/** A lyttemøde is first listened to, then sorted. */
export type ListeningStep = 'lyt' | 'sorter';

export type Route =
  | { section: 'oversigt' }
  | { section: 'fora'; forumId?: string }
  /** Without a meeting: the list, optionally only the referater awaiting approval. */
  | { section: 'moeder'; meetingId?: string; run?: boolean; awaitingApproval?: boolean }
  | { section: 'opfoelgning' }
  | { section: 'lyttemoeder'; seriesId?: string; overview?: boolean; meetingId?: string; step?: ListeningStep }
  /**
   * With a sag: that sag's timeline, reached from the archive's register or from an item. With a decision:
   * that decision read-only, reached from a search hit or a register row.
   */
  | { section: 'arkiv'; sagId?: string; decision?: { meetingId: string; decisionId: string } }
  | { section: 'indstillinger' };

interface RouteState {
  route: Route;
  /** The forum the user works in; shown in the navigation so it is always visible. */
  currentForumId: string | null;
  navigate(route: Route): void;
  setCurrentForum(forumId: string | null): void;
}

export const useRoute = create<RouteState>((set) => ({
  route: { section: 'oversigt' },
  currentForumId: null,
  navigate: (route) => set({ route }),
  setCurrentForum: (currentForumId) => set({ currentForumId }),
}));
