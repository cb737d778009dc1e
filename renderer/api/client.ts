import type { AppEvent, Method, MethodInput, MethodResult } from '../../shared/api/contract';
import type { SamtalerumBridge } from '../../shared/api/bridge';
import { fail, type Result } from '../../shared/api/envelope';

declare global {
  interface Window {
    /** Present in the Electron app (from the preload); absent in the browser harness. */
    samtalerum?: SamtalerumBridge;
  }
}

const LOST_CONNECTION = 'Forbindelsen til Samtalerums arkiv blev afbrudt. Din sidste ændring er muligvis ikke gemt; prøv igen.';

/** Calls one API method through the Electron bridge when present, over loopback HTTP otherwise. */
export async function call<M extends Method>(method: M, input: MethodInput<M>): Promise<Result<MethodResult<M>>> {
  try {
    if (window.samtalerum) return (await window.samtalerum.invoke(method, input)) as Result<MethodResult<M>>;
    const response = await fetch(`/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input),
    });
    return (await response.json()) as Result<MethodResult<M>>;
  } catch {
    return fail('intern_fejl', LOST_CONNECTION);
  }
}

/** The one event stream over loopback HTTP, shared by every listener in the window, and who listens. */
let stream: EventSource | null = null;
const listeners = new Set<(event: AppEvent) => void>();

/** Subscribes to the services' change events; returns the unsubscribe function. */
export function onAppEvent(listener: (event: AppEvent) => void): () => void {
  if (window.samtalerum) return window.samtalerum.onEvent(listener);
  // One connection for all: the browser allows a page only six, and the start's calls need the others.
  listeners.add(listener);
  if (stream === null) {
    stream = new EventSource('/api/events');
    stream.onmessage = (message: MessageEvent<string>) => {
      const event = JSON.parse(message.data) as AppEvent;
      for (const each of [...listeners]) each(event);
    };
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      stream?.close();
      stream = null;
    }
  };
}
