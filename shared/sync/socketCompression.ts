/**
 * The sync socket is compressed (WebSocket permessage-deflate; these are `ws`'s options of that name)
 * with context takeover: every Hocuspocus message starts with its document's name
 * (`forum/<uuid>/moede/<uuid>`, 85 characters), longer than a keystroke's Yjs update, and the server
 * answers each update with an acknowledgement and an echo that start with the name too. With the
 * previous messages in the compressor's window, a repeated name costs a few bytes.
 *
 * A 2 KB window (2^11) instead of zlib's 32 KB, and a compressor with smaller hash tables, keep the
 * memory per socket at about 30 KB instead of about 300 KB; a name sent a few messages ago is well
 * inside the window. Every message is compressed (threshold 0): the small ones repeat names most.
 */
const WINDOW_BITS = 11;
const COMPRESSOR = { memLevel: 4 };

/**
 * The server compresses what it sends with the small window whatever the client offers. It accepts the
 * client's own window as offered (up to zlib's 15 bits), so a client that offers compression without
 * naming a window still connects; the laptops offer the small one.
 */
export const SERVER_SOCKET_COMPRESSION = {
  serverMaxWindowBits: WINDOW_BITS,
  zlibDeflateOptions: COMPRESSOR,
  threshold: 0,
} as const;

/** What the laptop offers: the small window in both directions. */
export const LAPTOP_SOCKET_COMPRESSION = {
  serverMaxWindowBits: WINDOW_BITS,
  clientMaxWindowBits: WINDOW_BITS,
  zlibDeflateOptions: COMPRESSOR,
  threshold: 0,
} as const;
