import type { AppEvent } from './contract';
import type { Result } from './envelope';

/**
 * What the Electron preload exposes to the renderer as `window.samtalerum`, and nothing more:
 * one typed invoke and one event subscription.
 */
export interface SamtalerumBridge {
  invoke(method: string, input: unknown): Promise<Result<unknown>>;
  onEvent(listener: (event: AppEvent) => void): () => void;
}

/** IPC channel names, shared by main and preload. */
export const IPC_INVOKE = 'api:invoke';
export const IPC_EVENT = 'api:event';
