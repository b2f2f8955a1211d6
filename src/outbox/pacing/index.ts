import type { Config } from '../../config.ts';
import type { TransportName } from '../../domain/message.ts';
import { type Pacer, unpaced } from '../dispatcher.ts';
import { TELEGRAM_LIMITS, TelegramPacer } from './telegram.ts';

/** The pacer that keeps a transport within its platform's limits; the console has none. */
export function pacerFor(transport: TransportName, config: Config): Pacer {
  switch (transport) {
    case 'telegram':
      return new TelegramPacer({ ...TELEGRAM_LIMITS, timeScale: config.PACING_TIME_SCALE });
    default:
      return unpaced;
  }
}
