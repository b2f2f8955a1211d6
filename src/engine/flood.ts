/**
 * Per-sender flood control (SPEC 7): past `limit` messages in `windowMs`, a sender's further messages
 * wait in the inbox (recorded, never dropped) until the window lets them through. Other senders are
 * not affected.
 */
export class FloodControl {
  private readonly recent = new Map<string, number[]>();
  private readonly warned = new Set<string>();
  private prunedAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly limit = 20,
    private readonly windowMs = 60_000,
  ) {}

  /** 0 when the message may be handled now (and counts it); otherwise how long to wait. */
  admit(sender: string, now: number): number {
    const times = (this.recent.get(sender) ?? []).filter((t) => t > now - this.windowMs);
    if (times.length >= this.limit) {
      this.recent.set(sender, times);
      return times[0]! + this.windowMs - now;
    }
    times.push(now);
    this.recent.set(sender, times);
    this.warned.delete(sender);
    return 0;
  }

  /** Takes back an admission of `admit(sender, at)`: its message was not handled after all (rolled back). */
  withdraw(sender: string, at: number): void {
    const times = this.recent.get(sender);
    const i = times?.lastIndexOf(at) ?? -1;
    if (i >= 0) times!.splice(i, 1);
  }

  /** True the first time a sender is held back in a stretch of flooding, so the warning is sent once. */
  shouldWarn(sender: string): boolean {
    if (this.warned.has(sender)) return false;
    this.warned.add(sender);
    return true;
  }

  /**
   * Forgets senders idle for a whole window, so the map does not grow with every person ever seen. At
   * most once a window: it walks every sender, and runs after every batch of messages.
   */
  prune(now: number): void {
    if (now - this.prunedAt < this.windowMs) return;
    this.prunedAt = now;
    for (const [sender, times] of this.recent) {
      if ((times.at(-1) ?? 0) <= now - this.windowMs) this.recent.delete(sender);
    }
  }
}
