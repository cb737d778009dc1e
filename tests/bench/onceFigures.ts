/** Figures of the benchmarks that run once, not per archive size: printed as `BENCH <name>=<value>`, kept for the summary. */
export const onceFigures = new Map<string, number>();

export function onceFigure(name: string, value: number, digits = 2): void {
  console.log(`BENCH ${name}=${value.toFixed(digits)}`);
  onceFigures.set(name, value);
}
