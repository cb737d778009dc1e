/**
 * The fortroligt document's keys for the hash of its content that an approval in the meeting document carries
 * (electron/sync/approvals.ts): key id → 32 random bytes as hex. Each key lives under its own id, so keys made on
 * two laptops at once never replace each other; once set, a key never changes, and the server refuses an update
 * that changes or deletes one (server/sync/ownEntries.ts): that would make the approvals hashed with it stale.
 */
export const APPROVAL_KEYS_MAP = 'godkendelsesnoegler';

export function isApprovalKey(value: unknown): value is string {
  return typeof value === 'string' && /^[0-9a-f]{64}$/.test(value);
}
