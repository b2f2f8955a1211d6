import type { Command } from '../../engine/command.ts';

/** What the adapter needs of the catalog (the i18n module itself is not a transport's to import). */
export interface Phrases {
  readonly languages: readonly string[];
  t(language: string, key: string): string;
}

export interface BotCommand {
  command: string;
  description: string;
}

/** Telegram's limits for setMyCommands. */
const MAX_COMMANDS = 100;
const MAX_DESCRIPTION = 256;

/**
 * The command menu for one language, from the command registry: each command under its name in that
 * language (the English name where it has none), described by its `cmd-<name>` catalog entry.
 * Coordinator and admin commands stay out of the menu everyone sees; /help lists them to their holders.
 */
export function commandMenu(commands: readonly Command[], phrases: Phrases, language: string): BotCommand[] {
  return commands
    .filter((c) => !c.hidden && (c.role === 'anyone' || c.role === 'volunteer'))
    .slice(0, MAX_COMMANDS)
    .map((c) => {
      const names = (c.names as Record<string, string[] | undefined>)[language] ?? c.names.en;
      const description = phrases.t(language, `cmd-${c.name}`).replace(/\s+/g, ' ').trim();
      return {
        command: names[0] ?? c.name,
        description: (description || c.name).slice(0, MAX_DESCRIPTION),
      };
    });
}
