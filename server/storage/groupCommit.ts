interface Waiting<T> {
  item: T;
  resolve(): void;
  reject(error: unknown): void;
}

/**
 * Group commit: items added while a commit is under way wait for the next one, and everything that
 * waits is committed together. A transaction costs one fsync (SQLite, synchronous=FULL) or one commit
 * round trip (PostgreSQL) however many rows it holds, so with many laptops typing at once the disk
 * sees one commit per batch instead of one per keystroke, and no append waits behind a queue of others'
 * commits. An item's promise resolves only once the transaction holding it has committed, and rejects
 * if that transaction failed: nothing is reported stored that is not.
 */
export class GroupCommit<T> {
  private waiting: Waiting<T>[] = [];
  private running = false;

  constructor(private readonly commit: (items: T[]) => Promise<void>) {}

  add(item: T): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      if (!this.running) {
        this.running = true;
        // The first commit waits until the messages that arrived in the same turn of the event loop have
        // been read (setImmediate runs after the I/O callbacks of this turn), so they share it.
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    while (this.waiting.length > 0) {
      const batch = this.waiting;
      this.waiting = [];
      try {
        await this.commit(batch.map((each) => each.item));
        batch.forEach((each) => each.resolve());
      } catch (error) {
        batch.forEach((each) => each.reject(error));
      }
    }
    this.running = false;
  }
}
