import type { Failure } from '../support/fake-bot-api.ts';

/**
 * Telegram's published limits, scaled in time, enforced the way Telegram does: a send over a limit is
 * answered 429 with `retry_after` instead of going through. Installed as the fake Bot API's `admit`, so
 * every send is judged and timed where it arrives, with no hop between the bot and the fake.
 */
export class TelegramLimits {
  /** Arrival times (performance.now) of sends that went through, with their chat. */
  readonly sends: { at: number; chatId: string }[] = [];
  tooMany = 0;

  constructor(
    private readonly scale: number,
    readonly perSecond = 30,
    readonly perGroupPerMinute = 20,
  ) {}

  /** The fake's `admit`: a send over the limits fails with 429; within them, it is counted. */
  readonly admit = (method: string, params: Record<string, unknown>, at: number): Failure | undefined => {
    if (!/^send[A-Z]/.test(method)) return undefined;
    const chatId = String(params.chat_id);
    const waitMs = this.overLimit(chatId, at);
    if (waitMs > 0) {
      this.tooMany++;
      return { code: 429, retryAfter: Math.max(1, Math.ceil(waitMs / 1000)) };
    }
    this.sends.push({ at, chatId });
    return undefined;
  };

  private overLimit(chatId: string, now: number): number {
    const second = 1000 * this.scale;
    const recent = this.sends.filter((s) => s.at > now - second);
    if (recent.length >= this.perSecond) return recent[0]!.at + second - now;
    if (!chatId.startsWith('-')) return 0;
    const minute = 60_000 * this.scale;
    const inGroup = this.sends.filter((s) => s.chatId === chatId && s.at > now - minute);
    return inGroup.length >= this.perGroupPerMinute ? inGroup[0]!.at + minute - now : 0;
  }
}
