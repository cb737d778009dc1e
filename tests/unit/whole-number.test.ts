import { describe, expect, it } from 'vitest';
import { wholeNumber } from '../../shared/wholeNumber';

describe('hele tal på dansk', () => {
  it('skrives som den danske locale gør, med punktum mellem tusinder', () => {
    const samples = [0, 1, 7, 12, 999, 1000, 1234, 5000, 12_345, 99_999, 100_000, 123_456, 1_000_000, 12_345_678, -1, -999, -1000, -1_234_567, Number.MAX_SAFE_INTEGER];
    for (const n of samples) expect(wholeNumber(n), String(n)).toBe(n.toLocaleString('da-DK'));
  });

  it('alt andet end hele tal overlades til localen', () => {
    expect(wholeNumber(1234.5)).toBe((1234.5).toLocaleString('da-DK'));
    expect(wholeNumber(Number.NaN)).toBe(Number.NaN.toLocaleString('da-DK'));
  });
});
