import { Dispatcher, type Pacer, unpaced } from '../../src/outbox/dispatcher.ts';
import { reportFinishedBroadcasts } from '../../src/schedule/rules/broadcasts.ts';
import {
  type WhatsAppOptions,
  type WhatsAppState,
  WhatsAppTransport,
} from '../../src/transports/whatsapp/index.ts';
import { type FakeMessage, FakeWhatsAppClient } from './fake-whatsapp.ts';
import { Harness, silentLog } from './harness.ts';

/**
 * The WhatsApp adapter on the real core: a fake client injected through the constructor, the outbox
 * drained into it by the real dispatcher. Speak as a WhatsApp user would; read what the bot sent back.
 */
export class WhatsAppRig {
  readonly h: Harness;
  readonly clients: FakeWhatsAppClient[] = [];
  readonly states: WhatsAppState[] = [];
  readonly transport: WhatsAppTransport;
  readonly dispatcher: Dispatcher;
  private seen = 0;
  /** Called with each client the transport creates (0 for the first), before the transport uses it. */
  prepareClient: ((client: FakeWhatsAppClient, attempt: number) => void) | null = null;

  constructor(
    options: Partial<WhatsAppOptions> = {},
    pacer: (t: WhatsAppTransport) => Pacer = () => unpaced,
    env: Record<string, string> = {},
  ) {
    this.h = new Harness(env);
    this.transport = new WhatsAppTransport({
      createClient: () => {
        const c = new FakeWhatsAppClient();
        this.prepareClient?.(c, this.clients.length);
        this.clients.push(c);
        return c;
      },
      log: silentLog,
      qrOut: null,
      clock: this.h.clock.fn,
      onState: (s) => {
        this.states.push(s);
        if (s === 'ready') this.dispatcher.kick();
      },
      reconnect: { firstMs: 1_000, maxMs: 8_000 },
      ...options,
    });
    this.dispatcher = new Dispatcher(this.h.ledger, silentLog, {
      clock: this.h.clock.fn,
      // As main wires it: authors hear once every group has their broadcast.
      onBroadcastSettled: () =>
        setImmediate(() => this.h.core.runJob('broadcast-report', reportFinishedBroadcasts)),
    });
    this.dispatcher.add(this.transport, pacer(this.transport));
    this.h.core.onOutbound(() => this.dispatcher.kick());
  }

  /** Starts the adapter and pairs the (fake) phone. */
  async connect(): Promise<this> {
    await this.transport.start(this.h.core);
    await Promise.resolve();
    this.client.becomeReady();
    this.dispatcher.start();
    return this;
  }

  get client(): FakeWhatsAppClient {
    return this.clients.at(-1)!;
  }

  /** A message arrives from WhatsApp; resolves with what the bot sent since, once the outbox is empty. */
  async say(from: string, body: string | Partial<FakeMessage>, author?: string): Promise<string[]> {
    const over = typeof body === 'string' ? { body } : body;
    this.client.receive({ from, ...(author ? { author } : {}), ...over }, this.h.clock.now);
    return this.replies();
  }

  /** What was sent since the last call (all clients), after the outbox drained. */
  async replies(): Promise<string[]> {
    // Inbound messages are handled one after another off the event; let them settle first.
    await new Promise((r) => setImmediate(r));
    await this.dispatcher.whenIdle();
    const all = this.clients.flatMap((c) => c.sent);
    const fresh = all.slice(this.seen);
    this.seen = all.length;
    return fresh.map((m) => m.content);
  }

  sentTo(chatId: string): string[] {
    return this.clients.flatMap((c) => c.sent.filter((m) => m.chatId === chatId).map((m) => m.content));
  }

  async close(): Promise<void> {
    await this.transport.stop();
    await this.dispatcher.stop();
    this.h.close();
  }
}
