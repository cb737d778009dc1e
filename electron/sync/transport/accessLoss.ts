import type { SharedDocument } from '../../../shared/sync/documents';
import type { AccessLoss } from './localDocuments';

/**
 * Whether a refusal from the server takes something away from this laptop for good (docs/server.md): the
 * person is no longer a member, or the device is revoked (the forum), or the person is a læser now (the
 * confidential documents). An ended sign-in (`revoked-session`, `expired-session`, `unknown-session`, close
 * 4411), an unknown document or too many open documents take nothing: the person signs in again or waits.
 */
const LOSSES: ReadonlySet<string> = new Set(['not-member', 'revoked-device', 'confidential']);

/** Whether the reason a document was closed or refused with takes something away for good. */
export function isAccessLoss(reason: string): boolean {
  return LOSSES.has(reason);
}

export function accessLossOf(kind: SharedDocument['kind'], reason: string): AccessLoss | null {
  if (reason === 'not-member' || reason === 'revoked-device') return 'forum';
  if (reason === 'confidential' && kind === 'fortroligt') return 'fortroligt';
  return null;
}
