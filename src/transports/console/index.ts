import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type {
  ChatRef,
  InboundContent,
  InboundMessage,
  OutboundFile,
  OutboundMessage,
} from '../../domain/message.ts';
import type { Intake, SendResult, Transport, TransportHealth } from '../../engine/transport.ts';

/**
 * What the console asks of the rest of the bot to label its output (wired in main.ts): the role a
 * person holds, and the console's own hints in the language the recipient reads.
 */
export interface ConsoleVoice {
  roleOf(personId: string): string | undefined;
  hint(
    personId: string,
    key: 'console-hint-location' | 'console-hint-contact' | 'console-hint-file',
    args?: Record<string, string>,
  ): string;
}

export interface ConsoleOptions {
  /** Who speaks first (CONSOLE_USER). */
  user: string;
  input: Readable;
  output: Writable;
  /** Called once the input ends (a piped script is done), with the number of lines it held. */
  onEnd: (lines: number) => void;
  voice: ConsoleVoice;
  /** Greet and echo as an interactive terminal does; piped input is echoed as `name> line` instead. */
  interactive?: boolean;
  /** Where files sent to console people (exports) are written. */
  filesDir?: string;
  /** Resolves once every message the bot has queued so far is printed (the outbox is idle). */
  answered: () => Promise<void>;
}

/**
 * A rehearsal room in the terminal: several people and groups in one session. Each input line is one
 * message from the person speaking now; `@as siti` switches to Siti in her private chat, `@group Posko
 * Imogiri` makes her speak inside that group until the next `@as` or `@group`. Every message the bot
 * sends is printed with its recipient (`→ siti`, `→ koor (coordinator)`, `→ [Posko Imogiri]`), whoever
 * is speaking, so a trainer sees the whole exercise. The native shares other platforms have are typed:
 * `@loc -7.80,110.36` shares a location, `@contact +62812...` a phone number.
 */
export class ConsoleTransport implements Transport {
  readonly name = 'console' as const;
  private lineNo = 0;
  private readonly runId = Date.now().toString(36);
  private closed = false;
  private rl: ReturnType<typeof createInterface> | undefined;
  private user: string;
  private chat: ChatRef;

  constructor(private readonly options: ConsoleOptions) {
    this.user = options.user;
    this.chat = privateChat(options.user);
  }

  async start(intake: Intake): Promise<void> {
    const { input, output, interactive } = this.options;
    this.rl = createInterface({ input, terminal: false });
    // Lines are taken one at a time, each after the bot's answers to the one before have been printed,
    // so a piped drill reads as the conversation it is.
    const queue: string[] = [];
    let lines = 0;
    let ended = false;
    let working = false;
    const work = async () => {
      if (working) return;
      working = true;
      for (let line = queue.shift(); line !== undefined; line = queue.shift()) {
        if (!interactive) output.write(`${this.speaker()}> ${line}\n`);
        const message = this.handleLine(line);
        if (message) {
          intake.receive([message]);
          await this.options.answered();
        }
      }
      working = false;
      if (ended && !this.closed) {
        this.closed = true;
        this.options.onEnd(lines);
      }
    };
    this.rl.on('line', (line) => {
      if (line.trim() === '') return;
      lines++;
      queue.push(line);
      void work();
    });
    this.rl.on('close', () => {
      ended = true;
      void work();
    });
    if (interactive)
      output.write(
        'Relief bot, console chat. Type /help (or /bantuan). `@as NAME` speaks as someone else, ' +
          '`@group NAME` inside a group. Ctrl-D to quit.\n',
      );
  }

  /** A line switches who speaks and where (undefined: nothing to send), or is a message from them. */
  handleLine(line: string): InboundMessage | undefined {
    const as = /^@as\s+(\S{1,64})\s*$/i.exec(line.trim());
    if (as) {
      this.user = as[1]!;
      this.chat = privateChat(this.user);
      return undefined;
    }
    const group = /^@group\s+(.{1,100}?)\s*$/i.exec(line.trim());
    if (group) {
      this.chat = { transport: 'console', chatId: group[1]!, kind: 'group' };
      return undefined;
    }
    return this.toInbound(line);
  }

  toInbound(line: string): InboundMessage {
    this.lineNo++;
    return {
      chat: this.chat,
      // A console group is named by what followed `@group`.
      ...(this.chat.kind === 'group' ? { chatTitle: this.chat.chatId } : {}),
      messageId: `${this.runId}-${this.lineNo}`,
      sender: { id: `console:${this.user}`, displayName: this.user },
      at: Date.now(),
      content: parseConsoleLine(line),
    };
  }

  async send(message: OutboundMessage): Promise<SendResult> {
    const { voice } = this.options;
    const person = message.chat.kind === 'private' ? `console:${message.chat.chatId}` : undefined;
    const lines = [message.text];
    message.choices?.forEach((c, i) => {
      lines.push(`${i + 1}) ${c.label}`);
    });
    // A hint is read by the person the message is for; a group's reader is whoever speaks in it now.
    const reader = person ?? `console:${this.user}`;
    if (message.ask === 'location') lines.push(voice.hint(reader, 'console-hint-location'));
    if (message.ask === 'contact') lines.push(voice.hint(reader, 'console-hint-contact'));
    if (message.file)
      lines.push(voice.hint(reader, 'console-hint-file', { path: this.saveFile(message.file) }));
    const body = lines.flatMap((l) => l.split('\n')).map((l) => `  ${l}`);
    this.options.output.write(`${this.recipient(message.chat)}\n${body.join('\n')}\n\n`);
    return { platformMessageId: String(message.id) };
  }

  private speaker(): string {
    return this.chat.kind === 'group' ? `${this.user} [${this.chat.chatId}]` : this.user;
  }

  private recipient(chat: ChatRef): string {
    if (chat.kind === 'group') return `→ [${chat.chatId}]`;
    const role = this.options.voice.roleOf(`console:${chat.chatId}`);
    return `→ ${chat.chatId}${role ? ` (${role})` : ''}`;
  }

  /** The terminal cannot show a document, so it is written to disk and its path printed. */
  private saveFile(file: OutboundFile): string {
    const dir = this.options.filesDir ?? 'data/exports';
    mkdirSync(dir, { recursive: true });
    const target = path.resolve(dir, path.basename(file.name).replace(/[^\w.-]/g, '_'));
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

const privateChat = (user: string): ChatRef => ({ transport: 'console', chatId: user, kind: 'private' });

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
