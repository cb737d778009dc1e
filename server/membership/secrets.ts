import { createHash, randomBytes } from 'node:crypto';

/** Only hashes are stored: a copy of the database cannot be used to connect or to redeem an invitation. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** A device credential: 256 random bits, opaque to everyone but the server. */
export function newCredential(): string {
  return randomBytes(32).toString('base64url');
}

// Letters and digits that cannot be mistaken for each other when a code is read aloud or typed.
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** An invitation code of 100 random bits (20 characters of 5 bits), typed by a person: four groups of five characters. */
export function newInvitationCode(): string {
  const bytes = randomBytes(20);
  const chars = [...bytes].map((byte) => CODE_ALPHABET[byte % CODE_ALPHABET.length]);
  return [0, 5, 10, 15].map((start) => chars.slice(start, start + 5).join('')).join('-');
}

/** Codes are compared without dashes, spaces or case, as people type them. */
export function normaliseCode(code: string): string {
  const plain = code.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return plain.match(/.{1,5}/g)?.join('-') ?? '';
}
