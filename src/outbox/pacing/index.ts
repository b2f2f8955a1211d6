import type { Config } from '../../config.ts';
import type { TransportName } from '../../domain/message.ts';
import { type Pacer, unpaced } from '../dispatcher.ts';
import { TELEGRAM_LIMITS, TelegramPacer } from './telegram.ts';

/** The pacer that keeps a transport within its platform's limits; the console has none. */
export function pacerFor(transport: TransportName, config: Config): Pacer {
  switch (transport) {
    case 'telegram':
      return new TelegramPacer({ ...TELEGRAM_LIMITS, timeScale: config.PACING_TIME_SCALE });
    case 'whatsapp-cloud':
      // The same sliding windows with the Cloud API's limits: throughput per number, and the pair rate
      // (one message to a person every 6 s, a reply's few parts at once).
      return new TelegramPacer({
        ...TELEGRAM_LIMITS,
        perSecond: config.WHATSAPP_CLOUD_PER_SECOND,
        privateIntervalMs: config.WHATSAPP_CLOUD_PERSON_GAP_MS,
        timeScale: config.PACING_TIME_SCALE,
      });
    default:
      return unpaced;
  }
}
