import { create } from 'zustand';
import type { ApiError } from '../../shared/api/envelope';
import type { SagCandidate, SagLinkResult, SagTimeline } from '../../shared/api/methods/sager';
import { call } from '../api/client';
import { outcomeOf, type Outcome } from './request';

interface SagState {
  timeline: SagTimeline | null;
  includeConfidential: boolean;
  loadError: ApiError | null;
  open(sagId: string): Promise<void>;
  showConfidential(show: boolean): Promise<void>;
  /** The same sag again, e.g. after a write anywhere in the archive. */
  reload(): Promise<void>;
  rename(title: string): Promise<Outcome>;
  candidates(itemId: string, text: string): Promise<{ ok: true; candidates: SagCandidate[] } | { ok: false; error: ApiError }>;
  link(itemId: string, earlierItemId: string): Promise<{ ok: true; result: SagLinkResult } | { ok: false; error: ApiError }>;
  unlink(itemId: string): Promise<{ ok: true; dissolved: boolean } | { ok: false; error: ApiError }>;
}

/** Answers arrive in any order; only the newest request for the timeline may change what is shown. */
let latest = 0;

/** The sag whose timeline is open, and the item editor's linking. */
export const useSag = create<SagState>((set, get) => {
  async function load(sagId: string, includeConfidential: boolean): Promise<void> {
    const request = ++latest;
    const result = await call('sager.get', { sagId, includeConfidential });
    if (request !== latest) return;
    set(result.ok ? { timeline: result.value, loadError: null } : { timeline: null, loadError: result.error });
  }

  return {
    timeline: null,
    includeConfidential: false,
    loadError: null,
    async open(sagId) {
      // Confidential content is shown only when chosen on this page, never carried over from another sag.
      set({ includeConfidential: false, timeline: get().timeline?.id === sagId ? get().timeline : null });
      await load(sagId, false);
    },
    async showConfidential(show) {
      set({ includeConfidential: show });
      const sagId = get().timeline?.id;
      if (sagId) await load(sagId, show);
    },
    async reload() {
      const sagId = get().timeline?.id;
      if (sagId) await load(sagId, get().includeConfidential);
    },
    async rename(title) {
      const timeline = get().timeline;
      if (!timeline) return { ok: true };
      const outcome = outcomeOf(await call('sager.rename', { sagId: timeline.id, title }));
      if (outcome.ok) await load(timeline.id, get().includeConfidential);
      return outcome;
    },
    async candidates(itemId, text) {
      // Linking is done in the co-owners' agenda editor, which shows the closed items' titles anyway.
      const result = await call('sager.candidates', { itemId, text, includeConfidential: true });
      return result.ok ? { ok: true, candidates: result.value } : { ok: false, error: result.error };
    },
    async link(itemId, earlierItemId) {
      const result = await call('sager.link', { itemId, earlierItemId });
      if (!result.ok) return { ok: false, error: result.error };
      return { ok: true, result: result.value };
    },
    async unlink(itemId) {
      const result = await call('sager.unlink', { itemId });
      if (!result.ok) return { ok: false, error: result.error };
      return { ok: true, dissolved: result.value.dissolved };
    },
  };
});
