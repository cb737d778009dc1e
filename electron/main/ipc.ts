import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { IPC_EVENT, IPC_INVOKE } from '../../shared/api/bridge';
import { fail } from '../../shared/api/envelope';
import type { Services } from '../services/dispatch';
import { isAppUrl } from './app-origin';

// The only door from the renderer into the archive. Input schemas are checked by services.dispatch;
// this layer checks who is knocking, as the Electron checklist asks: a message from any frame that
// is not our own page (an injected iframe, a page navigated elsewhere) is refused.

const FOREIGN_SENDER = fail('ugyldigt_input', 'Forespørgslen kom ikke fra Samtalerums eget vindue og blev afvist.');
const MISSING_METHOD = fail('ugyldigt_input', 'Forespørgslen manglede navnet på handlingen og blev afvist.');

/**
 * Wires IPC to the services. Nothing is unwired at shutdown on purpose: after services.close() a late
 * call still gets a Danish "Samtalerum er ved at lukke" answer instead of a bare IPC rejection.
 */
export function registerIpc(services: Services): void {
  ipcMain.handle(IPC_INVOKE, (event: IpcMainInvokeEvent, method: unknown, input: unknown) => {
    if (!isFromAppPage(event)) return FOREIGN_SENDER;
    if (typeof method !== 'string') return MISSING_METHOD;
    return services.dispatch(method, input);
  });

  // Every window refreshes after a write, whichever window made it.
  services.subscribe((appEvent) => {
    for (const window of BrowserWindow.getAllWindows()) {
      if (!window.isDestroyed()) window.webContents.send(IPC_EVENT, appEvent);
    }
  });
}

function isFromAppPage(event: IpcMainInvokeEvent): boolean {
  // senderFrame is null when the frame has navigated away or been destroyed since it sent.
  const frame = event.senderFrame;
  return frame !== null && isAppUrl(frame.url);
}
