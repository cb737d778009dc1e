import { create } from 'zustand';

/**
 * Whether the facilitator's own run screen may be seen on the projector, and which closed item the
 * facilitator chose to show anyway. Kept for as long as the app is open (not on disk): a choice
 * made for one meeting must not decide for a meeting on another day in another room.
 */
interface ProjectorSafeStore {
  /** The facilitator's explicit choice per meeting id; absent means «decide from the displays». */
  choices: Record<string, boolean>;
  revealed: { meetingId: string; itemId: string } | null;
  choose(meetingId: string, on: boolean): void;
  reveal(meetingId: string, itemId: string): void;
  conceal(): void;
}

export const useProjectorSafe = create<ProjectorSafeStore>((set) => ({
  choices: {},
  revealed: null,
  // Any change of the mode ends a reveal: turning it on again must mask everything again.
  choose: (meetingId, on) => set((s) => ({ choices: { ...s.choices, [meetingId]: on }, revealed: null })),
  reveal: (meetingId, itemId) => set({ revealed: { meetingId, itemId } }),
  conceal: () => set({ revealed: null }),
}));
