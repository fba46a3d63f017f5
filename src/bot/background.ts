// Work the bot starts and does not wait for, such as a tip's card after its
// receipt: the resident's next answer must not wait for the police group
// (Telegram lets a bot send 20 messages a minute to a group, and makes it wait
// out the rest). Kept here so that stopping waits for it to finish.
export class BackgroundWork {
  private readonly running = new Set<Promise<void>>();

  /** Starts `work` now; it must not throw (failures are its own to log). */
  run(work: () => Promise<void>): void {
    const done: Promise<void> = work()
      .catch(() => undefined)
      .finally(() => this.running.delete(done));
    this.running.add(done);
  }

  /** Resolves once everything started (and whatever that started) has finished. */
  async drain(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }
}
