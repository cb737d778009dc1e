// Hocuspocus's framing (lib0), written by hand so a test can send what no real client would:
// unsigned LEB128 numbers, strings and byte arrays prefixed with their length.
export function varUint(value: number): number[] {
  const bytes: number[] = [];
  while (value > 0x7f) {
    bytes.push((value & 0x7f) | 0x80);
    value = Math.floor(value / 128);
  }
  return [...bytes, value];
}
export const withLength = (bytes: Uint8Array): number[] => [...varUint(bytes.length), ...bytes];
export const text = (value: string): number[] => withLength(Buffer.from(value, 'utf8'));
