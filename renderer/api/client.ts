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

/** Subscribes to the services' change events; returns the unsubscribe function. */
export function onAppEvent(listener: (event: AppEvent) => void): () => void {
  if (window.samtalerum) return window.samtalerum.onEvent(listener);
  const source = new EventSource('/api/events');
  source.onmessage = (message: MessageEvent<string>) => listener(JSON.parse(message.data) as AppEvent);
  return () => source.close();
}
