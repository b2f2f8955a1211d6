import type { Logger } from 'pino';
import type { z } from 'zod';
import type { Config } from '../config.ts';
import type { Areas } from '../domain/areas.ts';
import type { ChatRef, Choice, InboundContent, InboundMessage, Sender } from '../domain/message.ts';
import { isPerson } from '../domain/person-identity.ts';
import type { RescueDecision } from '../domain/rescue-intent.ts';
import type { MessageArgs, Translator } from '../i18n/catalog.ts';
import type { Actor, Ledger, Person } from '../ledger/index.ts';
import type { ChoiceSpec, Outcome } from './outcome.ts';

export type Role = 'anyone' | 'volunteer' | 'coordinator' | 'admin';
export const ROLES: readonly Role[] = ['anyone', 'volunteer', 'coordinator', 'admin'];
const RANK: Record<Role, number> = { anyone: 0, volunteer: 1, coordinator: 2, admin: 3 };
export const roleAllows = (held: Role, required: Role) => RANK[held] >= RANK[required];

/**
 * The role a person holds now: ADMINS and granted roles, else volunteer while signed up. A sender
 * standing for a whole chat (a pseudo-sender) holds none.
 */
export function roleOfPerson(ledger: Ledger, admins: readonly string[], person: Person): Role {
  if (!isPerson(person.id)) return 'anyone';
  if (admins.includes(person.id) || person.role === 'admin') return 'admin';
  if (person.role === 'coordinator') return 'coordinator';
  return ledger.people.isActiveVolunteer(person.id) ? 'volunteer' : 'anyone';
}

/** Everything a handler may use. The ledger is inside this message's transaction. */
export interface CommandContext {
  readonly message: InboundMessage;
  readonly sender: Sender;
  readonly chat: ChatRef;
  readonly person: Person;
  readonly role: Role;
  /** The person's language: chosen with /lang, else the platform's hint, else DEFAULT_LANGUAGE. */
  readonly lang: string;
  readonly now: number;
  /** Use for every event this message causes. */
  readonly actor: Actor;
  readonly ledger: Ledger;
  readonly areas: Areas;
  readonly config: Config;
  readonly commands: readonly Command[];
  readonly translator: Translator;
  readonly log: Logger;
  t(key: string, args?: MessageArgs): string;
}

/** What a dialog step asks: a catalog key, with choices or a native share request where useful. */
export interface Prompt {
  key: string;
  args?: MessageArgs;
  choices?: ChoiceSpec[];
  ask?: 'location' | 'contact';
}

/**
 * One question of a dialog. `answer` validates and returns the updated data, or throws a UserError,
 * whose message is sent before the question is asked again. It may write to the ledger and add
 * messages to `out` (a rescue case is created as soon as its location is known).
 */
export interface DialogStep<D> {
  id: string;
  ask(ctx: CommandContext, data: D): Prompt;
  answer(ctx: CommandContext, input: InboundContent, data: D, out: Outcome, choices: readonly Choice[]): D;
  /** Skip this step when the data already has what it asks (given as arguments, or in an earlier answer). */
  skip?(data: D, ctx: CommandContext): boolean;
  /** Ask this step again after an answer while this holds: several choices built up one button at a time. */
  again?(data: D): boolean;
}

export interface DialogDef<D> {
  /**
   * What the dialog keeps between messages. Read back through this schema: data saved by an older
   * version of the dialog that no longer fits restarts the dialog politely instead of misleading it.
   */
  data: z.ZodType<D>;
  /** Initial data; `text` is whatever followed the command (`/sos Jl. Imogiri` starts with an address). */
  start(ctx: CommandContext, text: string, out: Outcome): D;
  steps: DialogStep<D>[];
  finish(ctx: CommandContext, data: D, out: Outcome): void;
}

export interface CommandDef<A, D> {
  /** The first English name is the canonical one; every command has an Indonesian alias. */
  names: { en: string[]; id: string[] };
  role: Role;
  /** Where it may be used; default anywhere. */
  where?: 'private' | 'group' | 'any';
  /**
   * Takes the messages the rescue-intent table (src/domain/rescue-intent.ts) decides, on every transport,
   * with no slash: `rescue` (SOS, TOLONG!, 🆘) or `ask` (tolong as "please": one question decides).
   */
  intent?: RescueDecision;
  /** Commands like /help and /lang answer without ending a dialog in progress. */
  keepsDialog?: boolean;
  /** Its name alone, without a slash, typed as a dialog's answer is the command (`batal` leaves the dialog). */
  bareInDialog?: boolean;
  /** Not listed in /help and the platform's command menu. */
  hidden?: boolean;
  /** zod schema over the text after the command. With a dialog, empty text starts the dialog instead. */
  args?: z.ZodType<A, string>;
  dialog?: DialogDef<D>;
  run?(ctx: CommandContext, args: A): Outcome;
  /** A location shared outside any dialog: the first command that returns an outcome handles it. */
  onLocation?(ctx: CommandContext, lat: number, lon: number): Outcome | undefined;
  /**
   * Text people write to each other in a group, no command and no dialog (listen mode reads it): the
   * first command that returns an outcome handles it, whoever wrote it.
   */
  onGroupText?(ctx: CommandContext, text: string): Outcome | undefined;
  /**
   * Text in a private chat that is no command, no dialog's answer and no call for rescue: the first
   * command that returns an outcome answers it, before "not understood".
   */
  onPrivateText?(ctx: CommandContext, text: string): Outcome | undefined;
}

/** A command with its types erased, as the registry holds it. */
export interface Command {
  readonly name: string;
  readonly names: { en: string[]; id: string[] };
  readonly role: Role;
  readonly where: 'private' | 'group' | 'any';
  readonly intent?: RescueDecision;
  readonly keepsDialog: boolean;
  readonly bareInDialog: boolean;
  readonly hidden: boolean;
  readonly args?: z.ZodType<unknown, string>;
  readonly dialog?: DialogDef<Record<string, unknown>>;
  run?(ctx: CommandContext, args: unknown): Outcome;
  onLocation?(ctx: CommandContext, lat: number, lon: number): Outcome | undefined;
  onGroupText?(ctx: CommandContext, text: string): Outcome | undefined;
  onPrivateText?(ctx: CommandContext, text: string): Outcome | undefined;
}

export function defineCommand<A = string, D = Record<string, unknown>>(def: CommandDef<A, D>): Command {
  const name = def.names.en[0];
  if (!name) throw new Error('a command needs an English name');
  return {
    ...(def as unknown as Command),
    name,
    where: def.where ?? 'any',
    keepsDialog: def.keepsDialog ?? false,
    bareInDialog: def.bareInDialog ?? false,
    hidden: def.hidden ?? false,
  };
}

export const allNames = (c: Command) => [...c.names.en, ...c.names.id];

/** What a scheduled job (escalation, sitrep, purge...) may use: like a command, without a message. */
export interface JobContext {
  readonly now: number;
  /** `system`, at `now`: use for every event a job causes. */
  readonly actor: Actor;
  readonly ledger: Ledger;
  readonly areas: Areas;
  readonly config: Config;
  readonly translator: Translator;
  readonly log: Logger;
}

/** A job's rule: reads and changes the ledger, returns what to say. Runs in one transaction. */
export type Job = (ctx: JobContext) => Outcome;
