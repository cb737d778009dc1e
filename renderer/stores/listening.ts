import { create } from 'zustand';

interface ListeningState {
  /**
   * The opening shown or folded by hand, per lyttemøde, for this session. Without a choice it shows
   * until the first input is written; after that the room needs the screen for what was heard.
   */
  openingChoice: Readonly<Record<string, boolean>>;
  chooseOpening(meetingId: string, shown: boolean): void;
}

/** What the user has chosen on the listening screens; series, lyttemøder and inputs are queries. */
export const useListening = create<ListeningState>((set, get) => ({
  openingChoice: {},
  chooseOpening: (meetingId, shown) => set({ openingChoice: { ...get().openingChoice, [meetingId]: shown } }),
}));
