import { describe, expect, it } from 'vitest';
import { serverClockOffset } from '../../renderer/api/serverClock';

describe('tjenesternes ur set fra vinduet', () => {
  it('holder det bedste skøn: svar, der kom sent frem, trækker ikke uret tilbage', () => {
    const stamped = Date.parse('2026-12-06T14:00:00.000Z');
    // Answered in 40 ms, then in 5 ms, then in 300 ms: the quickest answer is the closest to the truth.
    expect(serverClockOffset('2026-12-06T14:00:00.000Z', stamped + 40)).toBe(-40);
    expect(serverClockOffset('2026-12-06T14:00:10.000Z', stamped + 10_005)).toBe(-5);
    expect(serverClockOffset('2026-12-06T14:00:20.000Z', stamped + 20_300)).toBe(-5);
    // An answer without a readable time changes nothing.
    expect(serverClockOffset('ikke en tid', stamped)).toBe(-5);
  });
});
