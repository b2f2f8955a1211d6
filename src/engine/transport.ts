import type { InboundMessage, OutboundMessage, TransportName } from '../domain/message.ts';

/** What a transport hands its messages to. It confirms them to its platform only after this returns. */
export interface Intake {
  receive(messages: readonly (InboundMessage | unknown)[]): {
    recorded: number;
    duplicates: number;
    invalid: number;
  };
  /** What the platform says became of sent messages (delivered, read, failed), kept on their outbox rows. */
  recordDeliveryStatuses(transport: TransportName, statuses: readonly DeliveryStatus[]): void;
}

export interface DeliveryStatus {
  platformMessageId: string;
  status: 'sent' | 'delivered' | 'read' | 'failed';
  at: number;
  /** The platform's error code of a failed message. */
  errorCode?: number;
}

export interface TransportHealth {
  ok: boolean;
  /** `ready`, `polling`, `webhook`, `qr-needed`, `disconnected`, ... */
  state: string;
  detail?: string;
}

export interface SendResult {
  platformMessageId?: string;
}

/**
 * The narrow interface every chat network implements. Adapters translate and nothing else: platform
 * failures leave `send` as a TransportError, and the outbox decides about retries.
 */
export interface Transport {
  readonly name: TransportName;
  start(intake: Intake): Promise<void>;
  send(message: OutboundMessage): Promise<SendResult>;
  /** Stop taking updates; in-flight work is the caller's to finish. */
  stop(): Promise<void>;
  health(): TransportHealth;
}
