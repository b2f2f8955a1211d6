import type { OutboundMessage, TransportName } from '../../src/domain/message.ts';
import { TransportError } from '../../src/engine/errors.ts';
import type { SendResult, Transport } from '../../src/engine/transport.ts';

/**
 * A transport that records what it is asked to send. `answer` decides each send: resolve (the default),
 * throw, or hang forever (a process killed while the platform call was in flight).
 */
export class FakeTransport implements Transport {
  readonly sent: OutboundMessage[] = [];
  answer: (m: OutboundMessage, n: number) => 'ok' | 'hang' | Error = () => 'ok';

  constructor(readonly name: TransportName = 'telegram') {}

  async start(): Promise<void> {}
  async stop(): Promise<void> {}
  health() {
    return { ok: true, state: 'fake' };
  }

  async send(message: OutboundMessage): Promise<SendResult> {
    const a = this.answer(message, this.sent.length);
    if (a instanceof Error) throw a;
    if (a === 'hang') {
      this.sent.push(message);
      return new Promise<SendResult>(() => {});
    }
    await Promise.resolve();
    this.sent.push(message);
    return { platformMessageId: String(this.sent.length) };
  }
}

/** Telegram's limits as its Bot API enforces them, on a fake clock: a send over a limit gets a 429. */
/** Telegram tolerates a short burst to one private chat (3 here), then about one a second. */
const PRIVATE_BURST = 3;

/** The sends a private chat may take now: a token bucket over the sends that went through. */
function privateTokens(sends: number[], now: number): number {
  let tokens = PRIVATE_BURST;
  let at = sends[0] ?? now;
  for (const t of sends) {
    tokens = Math.min(PRIVATE_BURST, tokens + (t - at) / 1000) - 1;
    at = t;
  }
  return Math.min(PRIVATE_BURST, tokens + (now - at) / 1000);
}

export class FakeTelegramLimits extends FakeTransport {
  tooMany = 0;
  private readonly times: number[] = [];
  private readonly perChat = new Map<string, number[]>();

  constructor(private readonly clock: () => number) {
    super('telegram');
    this.answer = (m) => this.check(m);
  }

  private check(m: OutboundMessage): 'ok' | Error {
    const now = this.clock();
    const chat = this.perChat.get(m.chat.chatId) ?? [];
    const lastSecond = this.times.filter((t) => t > now - 1000).length;
    const overGroup = m.chat.kind === 'group' && chat.filter((t) => t > now - 60_000).length >= 20;
    const overPrivate = m.chat.kind === 'private' && privateTokens(chat, now) < 1 - 1e-3;
    if (lastSecond >= 30 || overGroup || overPrivate) {
      this.tooMany++;
      return TransportError.retry('429: Too Many Requests', 1000);
    }
    this.times.push(now);
    this.perChat.set(m.chat.chatId, [...chat, now]);
    return 'ok';
  }
}

/** Polls until `done()` holds, letting the dispatcher's promises run; fails after many turns. */
export async function settled(done: () => boolean, turns = 20_000): Promise<void> {
  for (let i = 0; i < turns; i++) {
    if (done()) return;
    await new Promise((r) => setImmediate(r));
  }
  throw new Error('never settled');
}
