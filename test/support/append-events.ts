/**
 * A second process writing to a ledger: appends `count` events, each in a transaction of its own, to the
 * ledger at argv[2]. Run with `node --import tsx`, beside another, to write one chain concurrently.
 */
import { Ledger } from '../../src/ledger/index.ts';

const [location, count, name] = process.argv.slice(2) as [string, string, string];
const ledger = Ledger.open(location);
for (let i = 0; i < Number(count); i++)
  ledger.transaction(() =>
    ledger.events.append({ id: 'system', at: i }, { kind: 'test.concurrent', subject: `${name}-${i}` }),
  );
ledger.close();
