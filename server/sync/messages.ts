import * as Y from 'yjs';

/** Reads lib0's encoding (unsigned LEB128 numbers, length-prefixed bytes) and throws past the end. */
class Reader {
  private at = 0;
  constructor(private readonly bytes: Uint8Array) {}

  number(): number {
    let value = 0;
    for (let shift = 0; shift < 53; shift += 7) {
      const byte = this.bytes[this.at++];
      if (byte === undefined) throw new RangeError('end of message');
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
    }
    throw new RangeError('number too long');
  }

  bytesWithLength(): Uint8Array {
    const length = this.number();
    if (this.at + length > this.bytes.length) throw new RangeError('end of message');
    const slice = this.bytes.subarray(this.at, this.at + length);
    this.at += length;
    return slice;
  }
}

// Hocuspocus's message types (its MessageType enum), as they arrive from a laptop.
const SYNC = 0;
const AWARENESS = 1;
const AUTH = 2;
const QUERY_AWARENESS = 3;
const SYNC_REPLY = 4;
const STATELESS = 5;
const CLOSE = 7;
const ALLOWED = new Set([SYNC, AWARENESS, AUTH, QUERY_AWARENESS, SYNC_REPLY, STATELESS, CLOSE]);

// y-protocols' sync sub-types: step 2 and update carry changes.
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

/** What one incoming message means for the server: changes to store first, nothing to store, or refused. */
export type IncomingKind = { kind: 'changes'; update: Uint8Array } | { kind: 'other' } | { kind: 'refused'; reason: 'unknown-message-type' | 'malformed-update' };

/** Reads a laptop's message without applying it; an update that does not decode is refused before it is stored. */
export function readIncoming(message: Uint8Array): IncomingKind {
  try {
    const reader = new Reader(message);
    reader.bytesWithLength(); // the document's name
    const type = reader.number();
    if (!ALLOWED.has(type)) return { kind: 'refused', reason: 'unknown-message-type' };
    if (type !== SYNC && type !== SYNC_REPLY) return { kind: 'other' };
    const syncType = reader.number();
    if (syncType !== SYNC_STEP_2 && syncType !== SYNC_UPDATE) return syncType === 0 ? { kind: 'other' } : { kind: 'refused', reason: 'unknown-message-type' };
    const update = reader.bytesWithLength();
    const decoded = Y.decodeUpdate(update);
    if (decoded.structs.length === 0 && decoded.ds.clients.size === 0) return { kind: 'other' };
    return { kind: 'changes', update };
  } catch {
    return { kind: 'refused', reason: 'malformed-update' };
  }
}
