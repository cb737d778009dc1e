/**
 * The computer's name as the sharing server lists it among the person's devices, made from the name the
 * operating system gives it: printable, one line, at most 100 characters, never empty. Apart from the
 * rest of sharing, so the app's main process can make it before the service layer loads.
 */
const MAX_DEVICE_NAME = 100;
const UNPRINTABLE = /[\p{Cc}\u2028\u2029]/gu;

export function deviceNameOf(hostname: string): string {
  let name = hostname.normalize('NFC').replace(UNPRINTABLE, '').trim();
  // Cut whole characters, never half of one, until it fits.
  while (name.length > MAX_DEVICE_NAME) name = [...name].slice(0, -1).join('');
  return name.trim() === '' ? 'Samtalerum-computer' : name.trim();
}
