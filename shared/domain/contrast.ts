/**
 * WCAG contrast for colour badges: a forum may pick its own colours, and the label on them must stay
 * readable (AA: 4.5:1), so the text colour is chosen, not typed.
 */
function channel(hex: string, offset: number): number {
  const value = parseInt(hex.slice(offset, offset + 2), 16) / 255;
  return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
}

export function luminance(hex: string): number {
  return 0.2126 * channel(hex, 1) + 0.7152 * channel(hex, 3) + 0.0722 * channel(hex, 5);
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Near-black or white, whichever reads better on the background. */
export function readableTextOn(background: string): string {
  const dark = '#1A1A1A';
  const light = '#FFFFFF';
  return contrastRatio(background, dark) >= contrastRatio(background, light) ? dark : light;
}
