import { expect, test } from 'vitest';
import { deviceNameOf } from '../../electron/sync/sharing/deviceName';

test('computerens navn til serveren: som det er, uden styretegn, højst 100 tegn og aldrig tomt', () => {
  expect(deviceNameOf('Skolelederens-MacBook')).toBe('Skolelederens-MacBook');
  expect(deviceNameOf('  bærbar-Åse\u0000\n ')).toBe('bærbar-Åse');
  expect(deviceNameOf('\u0007\u2028')).toBe('Samtalerum-computer');
  // A character is cut whole: 99 + one emoji (two UTF-16 units) is more than 100, so both emojis go.
  expect(deviceNameOf('ø'.repeat(99) + '😀😀')).toBe('ø'.repeat(99));
});
