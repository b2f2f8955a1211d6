import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { InboundContent, InboundMessage, OutboundFile, OutboundMessage } from '../../domain/message.ts';
import type { Intake, SendResult, Transport, TransportHealth } from '../../engine/transport.ts';

/**
 * A local chat in the terminal: each input line is one message from one local person. The native
 * shares other platforms have are typed: `@loc -7.80,110.36` shares a location, `@contact +62812...`
 * a phone number.
 */
export class ConsoleTransport implements Transport {
  readonly name = 'console' as const;
  private lineNo = 0;
  private readonly runId = Date.now().toString(36);
  private closed = false;
  private rl: ReturnType<typeof createInterface> | undefined;

  constructor(
    private readonly user: string,
    private readonly input: Readable,
    private readonly output: Writable,
    /** Called once the input ends (a piped script is done). */
    private readonly onEnd: () => void,
    private readonly prompt = false,
    /** Where files sent to the console person (exports) are written. */
    private readonly filesDir = 'data/exports',
  ) {}

  async start(intake: Intake): Promise<void> {
    this.rl = createInterface({ input: this.input, terminal: false });
    this.rl.on('line', (line) => {
      if (line.trim() === '') return;
      intake.receive([this.toInbound(line)]);
    });
    this.rl.on('close', () => {
      this.closed = true;
      this.onEnd();
    });
    if (this.prompt)
      this.output.write('Relief bot, console chat. Type /help (or /bantuan). Ctrl-D to quit.\n');
  }

  toInbound(line: string): InboundMessage {
    this.lineNo++;
    return {
      chat: { transport: 'console', chatId: this.user, kind: 'private' },
      messageId: `${this.runId}-${this.lineNo}`,
      sender: { id: `console:${this.user}`, displayName: this.user },
      at: Date.now(),
      content: parseConsoleLine(line),
    };
  }

  async send(message: OutboundMessage): Promise<SendResult> {
    const lines = [message.text];
    message.choices?.forEach((c, i) => {
      lines.push(`  ${i + 1}) ${c.label}`);
    });
    if (message.ask === 'location') lines.push('  (share a location: @loc LAT,LON)');
    if (message.ask === 'contact') lines.push('  (share your number: @contact +62...)');
    if (message.file) lines.push(`  (file: ${this.saveFile(message.file)})`);
    this.output.write(`${lines.join('\n')}\n\n`);
    return { platformMessageId: String(message.id) };
  }

  /** The terminal cannot show a document, so it is written to disk and its path printed. */
  private saveFile(file: OutboundFile): string {
    mkdirSync(this.filesDir, { recursive: true });
    const target = path.resolve(this.filesDir, path.basename(file.name).replace(/[^\w.-]/g, '_'));
    writeFileSync(target, file.content);
    return target;
  }

  async stop(): Promise<void> {
    this.rl?.close();
  }

  health(): TransportHealth {
    return { ok: true, state: this.closed ? 'closed' : 'ready' };
  }
}

export function parseConsoleLine(line: string): InboundContent {
  const loc = /^@loc\s+(-?\d+(?:\.\d+)?)\s*[,\s]\s*(-?\d+(?:\.\d+)?)\s*$/i.exec(line.trim());
  if (loc) {
    const lat = Number(loc[1]);
    const lon = Number(loc[2]);
    if (Math.abs(lat) <= 90 && Math.abs(lon) <= 180) return { kind: 'location', lat, lon };
  }
  const contact = /^@contact\s+(\+?[\d\s-]{6,20})$/i.exec(line.trim());
  if (contact) return { kind: 'contact', phone: contact[1]!.replace(/[\s-]/g, ''), own: true };
  return { kind: 'text', text: line.slice(0, 10_000) };
}
