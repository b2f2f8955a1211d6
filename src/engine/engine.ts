import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { Areas } from '../domain/areas.ts';
import {
  type InboundMessage,
  InboundMessageSchema,
  TRANSPORT_TRAITS,
  type TransportName,
} from '../domain/message.ts';
import { normaliseInput } from '../domain/normalise.ts';
import { isPerson } from '../domain/person-identity.ts';
import type { Translator } from '../i18n/catalog.ts';
import type { DialogState } from '../ledger/dialogs.ts';
import type { Ledger, Person } from '../ledger/index.ts';
import {
  type Command,
  type CommandContext,
  type Job,
  type Role,
  roleAllows,
  roleOfPerson,
} from './command.ts';
import { COMMAND_CHOICES, continueDialog, isExpired, startDialog } from './dialog.ts';
import { UserError } from './errors.ts';
import { FloodControl } from './flood.ts';
import { languageOf } from './language.ts';
import {
  askAboutMedia,
  attachPending,
  MEDIA_NEITHER,
  offerPhotoPlace,
  PHOTO_PLACE,
  placeAnswer,
  recentPlace,
} from './media.ts';
import { isNumberOutOfRange, matchOffered } from './offered-choices.ts';
import { Outcome } from './outcome.ts';
import { render } from './render.ts';
import { CommandRegistry } from './router.ts';
import type { DeliveryStatus } from './transport.ts';

export interface CoreDeps {
  ledger: Ledger;
  translator: Translator;
  areas: Areas;
  config: Config;
  commands: readonly Command[];
  log: Logger;
  clock?: () => number;
  flood?: FloodControl;
}

/**
 * A catch-up batch: at most this many messages, and no new one started after BATCH_MS, so one commit
 * never holds the event loop long. A backlog goes in such batches, one transaction each, yielding
 * between them; a receive handles at least its own number of messages in its transaction.
 */
const BATCH = 64;
const BATCH_MS = 20;

/** What one transaction handles: up to `limit` pending messages, `fresh` the ones it recorded. */
interface Batch {
  limit: number;
  deadline?: number;
  fresh?: ReadonlyMap<number, InboundMessage>;
}

/**
 * The heart of the bot. `receive` records inbound messages in the inbox and handles them in the same
 * transaction; a transport confirms a message to its platform only after `receive` returns. Each
 * message runs in its own savepoint: a bug in one handler rolls back that message alone.
 */
export class Core {
  readonly registry: CommandRegistry;
  private readonly clock: () => number;
  private readonly flood: FloodControl;
  private readonly outboundListeners: (() => void)[] = [];
  private wakeTimer: NodeJS.Timeout | undefined;
  private stopped = false;
  private catchingUp = false;

  constructor(private readonly deps: CoreDeps) {
    this.registry = new CommandRegistry(deps.commands);
    this.clock = deps.clock ?? Date.now;
    this.flood = deps.flood ?? new FloodControl();
    this.warnNonPersonRoles();
  }

  /**
   * A role stored for a group, a channel or an anonymous admin (granted before roles were checked) is
   * ignored: such an id never counts as a coordinator, and the operator is told at start.
   */
  private warnNonPersonRoles(): void {
    const { ledger, log } = this.deps;
    for (const role of ['coordinator', 'admin'] as const)
      for (const p of ledger.people.withRole(role))
        if (!isPerson(p.id))
          log.warn(
            { role, transport: p.id.split(':')[0] },
            'a role stored for a group, a channel or an anonymous admin is ignored: roles are held by persons only',
          );
  }

  /** Called after every commit that put something in the outbox. */
  onOutbound(listener: () => void): void {
    this.outboundListeners.push(listener);
  }

  /**
   * Records and handles a batch (one platform fetch). Invalid messages are logged and skipped; a
   * redelivered one is counted and otherwise ignored. Throws only if the ledger itself fails, in which
   * case nothing was recorded and the platform must deliver the batch again.
   */
  receive(messages: readonly unknown[]): { recorded: number; duplicates: number; invalid: number } {
    const now = this.clock();
    const valid: InboundMessage[] = [];
    for (const raw of messages) {
      const parsed = InboundMessageSchema.safeParse(raw);
      if (parsed.success) valid.push(parsed.data);
      else this.deps.log.warn({ issues: parsed.error.issues.slice(0, 3) }, 'inbound message rejected');
    }
    let duplicates = 0;
    const held = new Map<string, number>();
    // The messages this receive recorded, by inbox row: handled from here, not read back.
    const fresh = new Map<number, InboundMessage>();
    const record = () => {
      duplicates = 0;
      fresh.clear();
      for (const m of valid) {
        const id = this.deps.ledger.inbox.record(m, now);
        if (id === null) duplicates++;
        else {
          fresh.set(id, m);
          // The file becomes part of the ledger with its message, in this one transaction.
          if (m.content.kind === 'media' && m.chat.kind === 'private') {
            const place = recentPlace(m.content.place, m.at);
            this.deps.ledger.attachments.record(id, m.sender.id, m.content.media, now, place);
          }
        }
      }
      return fresh.size > 0;
    };
    const { enqueued, more } = this.handleInTransaction(now, held, () =>
      record() ? { limit: Math.max(BATCH, fresh.size), fresh } : undefined,
    );
    if (enqueued > 0) this.notifyOutbound();
    if (more) void this.catchUp();
    else this.afterPending(held, now);
    return { recorded: fresh.size, duplicates, invalid: messages.length - valid.length };
  }

  recordDeliveryStatuses(transport: TransportName, statuses: readonly DeliveryStatus[]): void {
    const { ledger, log } = this.deps;
    ledger.transaction(() => {
      for (const s of statuses)
        if (
          ledger.outbox.recordDeliveryStatus(transport, s.platformMessageId, s.status, s.at, s.errorCode) &&
          s.status === 'failed'
        )
          log.warn(
            { transport, errorCode: s.errorCode },
            'the platform reports a sent message as not delivered',
          );
    });
  }

  /**
   * Handles what is waiting in the inbox (after a restart, and when held-back senders may go on): the
   * first batch now, the rest in the background, one transaction per batch.
   */
  processPending(): void {
    void this.catchUp();
  }

  /**
   * Works off the backlog a batch at a time, each its own transaction, letting the event loop run
   * between them: webhook requests, /healthz and sends go on while thousands of messages wait.
   */
  private async catchUp(): Promise<void> {
    if (this.catchingUp) return;
    this.catchingUp = true;
    const held = new Map<string, number>();
    let now = this.clock();
    try {
      for (;;) {
        if (this.stopped) return;
        now = this.clock();
        const { enqueued, more } = this.handleInTransaction(now, held, () => ({
          limit: BATCH,
          deadline: performance.now() + BATCH_MS,
        }));
        if (enqueued > 0) this.notifyOutbound();
        if (!more) break;
        await new Promise((resolve) => setImmediate(resolve));
      }
      this.afterPending(held, now);
    } catch (err) {
      // The ledger failed (disk full): nothing of that batch was recorded; the next message or wake retries.
      this.deps.log.error({ err }, 'catching up on pending messages failed; will retry');
    } finally {
      this.catchingUp = false;
    }
  }

  /**
   * Runs a scheduled job's rule in one transaction and renders what it says into the outbox. Returns how
   * many messages it queued. A job that throws changes nothing.
   */
  runJob(name: string, job: Job): number {
    const now = this.clock();
    const { ledger, areas, config, translator, log } = this.deps;
    // Across processes one job runs at a time (the lock), so a rule finds what another already did.
    const enqueued = ledger.transactionRetried(() => {
      ledger.jobs.lock();
      const outcome = job({
        now,
        actor: { id: 'system', at: now },
        ledger,
        areas,
        config,
        translator,
        log: log.child({ job: name }),
      });
      return render(
        { ledger, translator, defaultLanguage: config.DEFAULT_LANGUAGE, admins: config.ADMINS, now, log },
        outcome,
      );
    });
    if (enqueued > 0) this.notifyOutbound();
    return enqueued;
  }

  stop(): void {
    this.stopped = true;
    if (this.wakeTimer) clearTimeout(this.wakeTimer);
  }

  private notifyOutbound(): void {
    for (const l of this.outboundListeners) l();
  }

  /**
   * One batch in one transaction: `begin` runs first in it (recording what arrived) and says what to
   * handle, or nothing. A transaction that lost to another process's is run again whole, so what an
   * attempt changed outside the ledger (flood counts, held senders) is put back before the next one,
   * and after a failure.
   */
  private handleInTransaction(
    now: number,
    held: Map<string, number>,
    begin: () => Batch | undefined,
  ): { enqueued: number; more: boolean } {
    const heldBefore = new Map(held);
    const admitted: string[] = [];
    const undo = () => {
      for (const sender of admitted.splice(0)) this.flood.withdraw(sender, now);
      held.clear();
      for (const [sender, wait] of heldBefore) held.set(sender, wait);
    };
    try {
      return this.deps.ledger.transactionRetried(() => {
        undo();
        const batch = begin();
        return batch ? this.handlePending(now, held, admitted, batch) : { enqueued: 0, more: false };
      });
    } catch (err) {
      undo();
      throw err;
    }
  }

  /**
   * Handles one batch (up to `limit`, none started after `deadline`) of the oldest pending messages,
   * leaving out senders in `held` (flood control; the map carries over between the batches of one
   * catch-up). Must run inside a transaction; `fresh` are the messages it recorded. Returns how many
   * outbox rows were written, and whether more may be pending.
   */
  private handlePending(
    now: number,
    held: Map<string, number>,
    admitted: string[],
    { limit, deadline = Number.POSITIVE_INFINITY, fresh }: Batch,
  ): { enqueued: number; more: boolean } {
    let enqueued = 0;
    const { inbox } = this.deps.ledger;
    const candidates = inbox.pending(limit, [...held.keys()], fresh);
    for (const row of inbox.takeChats(candidates)) {
      if (performance.now() > deadline) return { enqueued, more: true };
      const sender = row.message.sender.id;
      if (held.has(sender)) continue;
      const coordinator = this.isCoordinator(row.message);
      const wait = coordinator ? 0 : this.flood.admit(sender, now);
      if (wait > 0) {
        held.set(sender, wait);
        if (this.flood.shouldWarn(sender)) enqueued += this.warnFlood(row.message, row.id, wait, now);
        continue;
      }
      if (!coordinator) admitted.push(sender);
      enqueued += this.handleOne(row.id, row.message, now);
    }
    return { enqueued, more: candidates.length === limit };
  }

  /** Once nothing more is pending: held-back senders are looked at again when their wait is over. */
  private afterPending(held: Map<string, number>, now: number): void {
    this.flood.prune(now);
    if (held.size > 0) this.wakeIn(Math.min(...held.values()));
  }

  private wakeIn(ms: number): void {
    if (this.wakeTimer || this.stopped) return;
    this.wakeTimer = setTimeout(() => {
      this.wakeTimer = undefined;
      this.processPending();
    }, ms + 5);
    this.wakeTimer.unref();
  }

  private warnFlood(m: InboundMessage, inboxId: number, waitMs: number, now: number): number {
    if (m.chat.kind !== 'private') return 0;
    const person = this.deps.ledger.people.touch(m.sender, now);
    const out = new Outcome().reply('flood-slow-down', { seconds: Math.ceil(waitMs / 1000) });
    return render(this.renderContext(m, inboxId, this.languageOf(person), now), out);
  }

  /** One message in one savepoint; a bug rolls it back and is answered with an apology and a reference. */
  private handleOne(inboxId: number, m: InboundMessage, now: number): number {
    const { ledger, log } = this.deps;
    // Made when something is logged: most messages log nothing, and a child logger per message cost
    // a fortieth of a webhook's CPU.
    let child: Logger | undefined;
    const childLog = () =>
      (child ??= log.child({ transport: m.chat.transport, chat: m.chat.kind, inbox: inboxId }));
    try {
      const enqueued = ledger.transaction(() => {
        const person = ledger.people.touch(m.sender, now);
        const ctx = this.context(m, inboxId, person, now, childLog);
        const outcome = this.dispatch(ctx);
        // Media kept during a dialog (or before the question was answered) joins the record it made.
        if (m.chat.kind === 'private') {
          attachPending(ctx, outcome);
          offerPhotoPlace(ctx, outcome);
        }
        ledger.inbox.finish(inboxId, 'done', now);
        return render(this.renderContext(m, inboxId, ctx.lang, now), outcome);
      });
      return enqueued;
    } catch (err) {
      // The ledger itself could not write (disk full, read-only, I/O), or lost to another process: the
      // whole transaction is gone, the message's inbox row with it. The batch fails as a whole,
      // unacknowledged (or is run again), so the platform delivers it again; no handler's bug to answer.
      if (ledger.failedItself(err)) throw err;
      const ref = `E-${inboxId}`;
      childLog().error({ err, ref }, 'handler failed');
      return ledger.transaction(() => {
        ledger.inbox.finish(inboxId, 'failed', now);
        const person = ledger.people.touch(m.sender, now);
        const out =
          m.chat.kind === 'private' ? new Outcome().reply('error-internal', { ref }) : new Outcome();
        return render(this.renderContext(m, inboxId, this.languageOf(person), now), out);
      });
    }
  }

  private renderContext(m: InboundMessage, inboxId: number, lang: string, now: number) {
    return {
      ledger: this.deps.ledger,
      translator: this.deps.translator,
      defaultLanguage: this.deps.config.DEFAULT_LANGUAGE,
      admins: this.deps.config.ADMINS,
      now,
      log: this.deps.log,
      inboxId,
      senderId: m.sender.id,
      senderChat: m.chat,
      senderLanguage: lang,
    };
  }

  languageOf(person: Person | undefined): string {
    const { translator, config } = this.deps;
    return languageOf(person, (l) => translator.has(l), config.DEFAULT_LANGUAGE);
  }

  /**
   * Flood control protects the bot from a flooder, not from its own coordinators: registering 45 groups
   * or triaging with buttons must not wait. Pseudo-senders are never coordinators.
   */
  private isCoordinator(m: InboundMessage): boolean {
    if (m.sender.pseudo || !isPerson(m.sender.id)) return false;
    if (this.deps.config.ADMINS.includes(m.sender.id)) return true;
    const role = this.deps.ledger.people.get(m.sender.id)?.role;
    return role === 'coordinator' || role === 'admin';
  }

  /** The role a person holds now. A sender standing for a whole chat (a pseudo-sender) holds none. */
  roleOf(person: Person): Role {
    return roleOfPerson(this.deps.ledger, this.deps.config.ADMINS, person);
  }

  private context(
    m: InboundMessage,
    inboxId: number,
    person: Person,
    now: number,
    log: () => Logger,
  ): CommandContext {
    const lang = this.languageOf(person);
    const { ledger, translator, areas, config, commands } = this.deps;
    return {
      // Every reader downstream (coordinates, quantities, counts, phones) sees one normal form of digits.
      message:
        m.content.kind === 'text'
          ? { ...m, content: { ...m.content, text: normaliseInput(m.content.text) } }
          : m,
      sender: m.sender,
      chat: m.chat,
      person,
      // A platform pseudo-sender (a chat identity, WhatsApp's own group notices) never holds a role.
      role: m.sender.pseudo ? 'anyone' : this.roleOf(person),
      lang,
      now,
      // The event chain names the message by its inbox row (`M-n`), never by its platform id.
      actor: { id: m.sender.id, at: now, messageRef: `M-${inboxId}` },
      ledger,
      areas,
      config,
      commands,
      translator,
      get log() {
        return log();
      },
      t: (key, args) => translator.t(lang, key, args),
    };
  }

  /** Decides what a message is: a command, an answer to a dialog, a location, or something to hint at. */
  private dispatch(ctx: CommandContext): Outcome {
    const { message: m, ledger } = ctx;
    const content = m.content;
    // The platform speaking of the chat itself: never an answer to a dialog.
    if (content.kind === 'migrated') return this.outsideDialog(ctx);
    let dialog = ledger.dialogs.get(ctx.sender.id, ctx.chat);
    if (dialog && isExpired(dialog, ctx.now)) {
      ledger.dialogs.clear(ctx.sender.id, ctx.chat);
      dialog = undefined;
    }
    // Buttons outside a dialog carry commands (`/lang en`); elsewhere the person answers "1" or a label.
    if (dialog?.command === COMMAND_CHOICES) {
      const typed = content.kind === 'text' ? content.text : '';
      if (isNumberOutOfRange(typed, dialog.choices))
        return new Outcome().reply(
          'choice-out-of-range',
          { count: dialog.choices.length },
          { choices: dialog.choices },
        );
      ledger.dialogs.clear(ctx.sender.id, ctx.chat);
      const picked = matchOffered(typed, dialog.choices);
      if (picked)
        return this.dispatch({ ...ctx, message: { ...m, content: { kind: 'choice', value: picked.value } } });
      dialog = undefined;
    }
    const placed = this.answerPhotoPlace(ctx, dialog);
    if (placed) return placed;
    const dialogCommand = dialog && this.registry.get(dialog.command);
    if (content.kind === 'media' || content.kind === 'media-too-large')
      return this.onMedia(ctx, dialog !== undefined);

    if (content.kind === 'text' || content.kind === 'choice') {
      const text = content.kind === 'text' ? content.text : content.value;
      // "Neither" to the question about a photo: it stays kept, passed on to no one.
      if (content.kind === 'choice' && text === MEDIA_NEITHER) return new Outcome().reply('media-neither');
      // A button of a photo's place answered or gone stale: nothing more to do.
      if (content.kind === 'choice' && text.startsWith(PHOTO_PLACE)) return new Outcome();
      // Buttons outside a dialog carry a command (`/take R-12`): it goes through the same checks as typed text.
      const parsed =
        content.kind === 'choice' && dialog
          ? undefined
          : this.registry.parse(text, m.chat.transport, m.chat.kind, dialog !== undefined);
      // Danger written while that very dialog runs ("3 orang, air naik" to the SOS questions) answers it.
      const answersDialog =
        parsed && 'command' in parsed && parsed.described && dialog?.command === parsed.command.name;
      if (parsed && 'command' in parsed && !answersDialog) {
        if (dialog && !parsed.command.keepsDialog) ledger.dialogs.clear(ctx.sender.id, ctx.chat);
        return this.invoke(ctx, parsed.command, parsed.text, parsed.name);
      }
      if (parsed && 'unknown' in parsed) {
        if (m.chat.kind === 'group') return new Outcome();
        const suggestion = this.registry.suggest(parsed.unknown);
        return suggestion
          ? new Outcome().reply('unknown-command-suggest', { command: parsed.unknown, suggestion })
          : new Outcome().reply('unknown-command', { command: parsed.unknown });
      }
    }
    if (content.kind === 'location')
      ledger.people.setLastLocation(ctx.actor, ctx.sender.id, content.lat, content.lon);
    if (dialog && dialogCommand?.dialog)
      return this.guard(ctx, () => continueDialog(ctx, dialogCommand, dialog, content));
    return this.outsideDialog(ctx);
  }

  /**
   * The answer to "Is this where you are?" about a photo's place: yes makes it the location the person
   * shared (into the dialog asking where, or their case); no leaves the question that was waiting. Any
   * other message lets the question lapse, and is handled as it would have been.
   */
  private answerPhotoPlace(ctx: CommandContext, dialog: DialogState | undefined): Outcome | undefined {
    if (ctx.chat.kind !== 'private') return undefined;
    const offer = ctx.ledger.attachments.openPlaceOffer(ctx.sender.id);
    if (!offer?.place) return undefined;
    const answer = placeAnswer(ctx.message.content);
    ctx.ledger.attachments.setPlaceOffer(
      offer.id,
      answer === 'yes' ? 'taken' : answer === 'no' ? 'declined' : 'lapsed',
    );
    if (!answer) return undefined;
    if (dialog?.command === COMMAND_CHOICES) ctx.ledger.dialogs.clear(ctx.sender.id, ctx.chat);
    if (answer === 'no') return new Outcome().reply('media-gps-declined');
    const location = { kind: 'location' as const, ...offer.place };
    return this.dispatch({ ...ctx, message: { ...ctx.message, content: location } });
  }

  /**
   * A photo, voice note or file: its caption is read as the text it carries (`SOS` with a photo);
   * during a dialog it is kept for the record the dialog makes; otherwise it joins the sender's case or
   * request of the last hour, or the sender is asked once what it is about.
   */
  private onMedia(ctx: CommandContext, inDialog: boolean): Outcome {
    const content = ctx.message.content;
    if (ctx.chat.kind !== 'private') return new Outcome();
    if (content.kind === 'media-too-large')
      return new Outcome().reply('media-too-large', { mb: content.maxMb });
    if (content.kind !== 'media') return new Outcome();
    const caption = content.caption?.trim();
    if (caption)
      return this.dispatch({
        ...ctx,
        message: { ...ctx.message, content: { kind: 'text', text: normaliseInput(caption) } },
      });
    if (inDialog) return new Outcome().reply('media-kept');
    const out = new Outcome();
    const ref = attachPending(ctx, out);
    return ref ? out.reply('media-attached', { ref }) : askAboutMedia();
  }

  private outsideDialog(ctx: CommandContext): Outcome {
    const content = ctx.message.content;
    const isPrivate = ctx.chat.kind === 'private';
    switch (content.kind) {
      case 'location': {
        for (const c of this.deps.commands) {
          const out =
            c.onLocation && roleAllows(ctx.role, c.role)
              ? c.onLocation(ctx, content.lat, content.lon)
              : undefined;
          if (out) return out;
        }
        return isPrivate ? new Outcome().reply('location-noted') : new Outcome();
      }
      case 'membership':
        if (content.change === 'left') ctx.ledger.groups.setActive(ctx.actor, ctx.chat, false);
        return new Outcome();
      case 'migrated':
        ctx.ledger.groups.migrate(ctx.actor, { ...ctx.chat, chatId: content.from }, content.to);
        return new Outcome();
      case 'unsupported': {
        // Photos are named only where the transport takes them.
        const key = TRANSPORT_TRAITS[ctx.chat.transport].media ? 'unsupported-kind' : 'unsupported-kind-text';
        return isPrivate ? new Outcome().reply(key) : new Outcome();
      }
      case 'text':
        for (const c of this.deps.commands) {
          const out = isPrivate ? c.onPrivateText?.(ctx, content.text) : c.onGroupText?.(ctx, content.text);
          if (out) return out;
        }
        return isPrivate ? new Outcome().reply('not-understood') : new Outcome();
      default:
        return isPrivate ? new Outcome().reply('not-understood') : new Outcome();
    }
  }

  /** Runs a handler in a savepoint; a UserError rolls back whatever it began and becomes the answer. */
  private guard(ctx: CommandContext, fn: () => Outcome): Outcome {
    try {
      return ctx.ledger.transaction(fn);
    } catch (err) {
      if (err instanceof UserError) return new Outcome().reply(err.key, err.args);
      throw err;
    }
  }

  /** `typed` is the name the person used (`/verifikasi`): refusals answer with it, not the English name. */
  private invoke(ctx: CommandContext, command: Command, text: string, typed = command.name): Outcome {
    if (!roleAllows(ctx.role, command.role)) {
      ctx.log.info({ command: command.name, role: ctx.role }, 'refused: role');
      return new Outcome().reply('error-forbidden', {
        command: typed,
        role: ctx.t(`role-${command.role}`),
      });
    }
    if (command.where !== 'any' && command.where !== ctx.chat.kind) {
      return new Outcome().reply(command.where === 'private' ? 'error-private-only' : 'error-group-only', {
        command: typed,
      });
    }
    return this.guard(ctx, () => {
      if (command.dialog && text === '') return startDialog(ctx, command, text);
      if (!command.run) return startDialog(ctx, command, text);
      const parsed = command.args ? command.args.safeParse(text) : { success: true as const, data: text };
      if (!parsed.success) {
        const issueKey = parsed.error.issues[0]?.message ?? '';
        const key = ctx.t(issueKey) !== issueKey ? issueKey : 'error-usage';
        return new Outcome().reply(key, { usage: ctx.t(`cmd-${command.name}-usage`) });
      }
      return command.run(ctx, parsed.data);
    });
  }
}
