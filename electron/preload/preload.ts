import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_EVENT, IPC_INVOKE, type SamtalerumBridge } from '../../shared/api/bridge';
import type { AppEvent } from '../../shared/api/contract';
import { fail, type Result } from '../../shared/api/envelope';

// Runs sandboxed with context isolation: the page sees window.samtalerum and nothing else. The raw
// ipcRenderer and IpcRendererEvent never cross over, so the page cannot send on other channels or
// reach event.sender. Once bundled this file may only require 'electron' (a sandbox rule); the
// shared constants are inlined by esbuild.

const UNREACHABLE = fail('intern_fejl', 'Samtalerum kunne ikke nå arkivet. Luk programmet og åbn det igen.');

const bridge: SamtalerumBridge = {
  invoke(method, input) {
    // Main always answers with an envelope; a rejection only happens if main has no handler (e.g.
    // during shutdown), and the page should see that as an ordinary Danish error, not a throw.
    return (ipcRenderer.invoke(IPC_INVOKE, method, input) as Promise<Result<unknown>>).catch(() => UNREACHABLE);
  },
  onEvent(listener) {
    const forward = (_event: IpcRendererEvent, payload: AppEvent) => listener(payload);
    ipcRenderer.on(IPC_EVENT, forward);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT, forward);
    };
  },
};

contextBridge.exposeInMainWorld('samtalerum', bridge);
