import { type ChatRef, TRANSPORT_TRAITS, type TransportName } from '../domain/message.ts';
import { type RescueDecision, readRescueIntent } from '../domain/rescue-intent.ts';
import { allNames, type Command } from './command.ts';

export type Parsed =
  | {
      command: Command;
      name: string;
      text: string;
      /** Read from what it says (no command, no leading alarm word). */
      described?: true;
    }
  | { unknown: string }
  | undefined;

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
}

/** The table of commands: one source for routing, /help, the platforms' command menus and clash checks. */
export class CommandRegistry {
  private readonly byName = new Map<string, Command>();
  private readonly byIntent = new Map<RescueDecision, Command>();

  constructor(readonly commands: readonly Command[]) {
    for (const c of commands) {
      for (const n of allNames(c)) {
        if (!/^[a-z][a-z0-9_]{0,31}$/.test(n))
          throw new Error(`Command name "${n}" must be lowercase a-z, 0-9, _`);
        const clash = this.byName.get(n);
        if (clash && clash !== c)
          throw new Error(`Command name "${n}" is used by both /${clash.name} and /${c.name}`);
        this.byName.set(n, c);
      }
      if (c.intent) {
        const clash = this.byIntent.get(c.intent);
        if (clash) throw new Error(`Intent "${c.intent}" is taken by both /${clash.name} and /${c.name}`);
        this.byIntent.set(c.intent, c);
      }
    }
  }

  get(name: string): Command | undefined {
    return this.byName.get(name.toLowerCase());
  }

  /**
   * `/need@ReliefBot 20 water` → need + "20 water"; on WhatsApp `need ...` too. Text without a slash
   * first meets the rescue-intent table (`SOS!`, `Tolong! air naik`); its `ask` rows count in private
   * chats only and outside dialogs, so a "tolong ..." between people in a group draws no question.
   */
  parse(
    text: string,
    transport: TransportName,
    chatKind: ChatRef['kind'] = 'private',
    inDialog = false,
  ): Parsed {
    const trimmed = text.trim();
    const intent = readRescueIntent(trimmed, chatKind === 'private' ? 'private' : 'group');
    // An answer to a dialog's question is not asked about ("Bahasa Jawa", "tolong antar pagi"): only
    // danger itself leaves a dialog for the rescue path.
    const byIntent = intent && (intent.decision === 'rescue' || (chatKind === 'private' && !inDialog));
    const intentCommand = byIntent ? this.byIntent.get(intent.decision) : undefined;
    if (intent && intentCommand)
      return {
        command: intentCommand,
        name: intentCommand.name,
        text: intent.text,
        ...(intent.alarm ? {} : { described: true as const }),
      };
    // `batal!` or `cancel.` typed as a dialog's answer, as people type in a hurry.
    const bare = inDialog ? /^(\p{L}+)[\p{P}\p{S}\s]*$/u.exec(trimmed) : null;
    const bareCommand = bare ? this.byName.get(bare[1]!.toLowerCase()) : undefined;
    if (bare && bareCommand?.bareInDialog)
      return { command: bareCommand, name: bare[1]!.toLowerCase(), text: '' };
    const match = /^(\/?)([\p{L}\p{N}_]+)(?:@\w+)?(?:\s+([\s\S]*))?$/u.exec(trimmed);
    if (!match) return undefined;
    const [, slash, word = '', rest = ''] = match;
    const name = word.toLowerCase();
    const command = this.byName.get(name);
    if (slash) return command ? { command, name, text: rest.trim() } : { unknown: name };
    if (command && TRANSPORT_TRAITS[transport].slashOptional) return { command, name, text: rest.trim() };
    if (command?.bareInDialog && inDialog && rest.trim() === '') return { command, name, text: '' };
    return undefined;
  }

  /** The closest command name to a mistyped one, if it is close enough to be a typo. */
  suggest(name: string): string | undefined {
    let best: { name: string; d: number } | undefined;
    for (const n of this.byName.keys()) {
      const d = editDistance(name, n);
      if (!best || d < best.d) best = { name: n, d };
    }
    return best && best.d <= (name.length >= 4 ? 2 : 1) ? best.name : undefined;
  }
}
