const WINDOW_MS = 15 * 60 * 1000;

/**
 * Failed attempts to redeem an invitation code, per remote address: a code has 100 random bits, and this
 * keeps guessing from one address to a handful per quarter of an hour. Counted in memory, per instance.
 */
export class RedeemLimit {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly maxFailures: number) {}

  blocked(address: string): boolean {
    return this.recent(address).length >= this.maxFailures;
  }

  failed(address: string): void {
    this.failures.set(address, [...this.recent(address), Date.now()]);
  }

  private recent(address: string): number[] {
    const since = Date.now() - WINDOW_MS;
    const recent = (this.failures.get(address) ?? []).filter((at) => at > since);
    if (recent.length === 0) this.failures.delete(address);
    else this.failures.set(address, recent);
    return recent;
  }
}
