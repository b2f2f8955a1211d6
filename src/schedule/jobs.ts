import type { Config } from '../config.ts';
import { Outcome } from '../engine/outcome.ts';
import { escalateOverdue } from './escalation.ts';
import { askBloodDonors } from './rules/blood-drives.ts';
import { reportFinishedBroadcasts, sendDueSchedules } from './rules/broadcasts.ts';
import { postCoalesced } from './rules/coalesced-posts.ts';
import { postNeedsDigest } from './rules/needs-digest.ts';
import { expireOffers } from './rules/offer-expiry.ts';
import { postDailySummary, postVerifiedNeeds } from './rules/public-channel.ts';
import { expireExports, purgeExpired } from './rules/retention.ts';
import { sendSitrep } from './rules/sitrep.ts';
import { askStillNeeded } from './rules/still-needed.ts';
import { reportUndelivered } from './rules/undelivered.ts';
import type { ScheduledJob } from './scheduler.ts';

/** Every scheduled job of SPEC 4, with its cron (in config.TZ). */
export function scheduledJobs(config: Config): ScheduledJob[] {
  return [
    {
      name: 'broadcasts',
      cron: '* * * * *',
      rule: (ctx) => new Outcome().merge(sendDueSchedules(ctx)).merge(reportFinishedBroadcasts(ctx)),
    },
    { name: 'rescue-escalation', cron: '* * * * *', rule: escalateOverdue },
    { name: 'undelivered', cron: '* * * * *', rule: reportUndelivered },
    { name: 'coalesced-posts', cron: '* * * * *', rule: postCoalesced },
    { name: 'sitrep', cron: config.SITREP_CRON, rule: sendSitrep },
    { name: 'still-needed', cron: '7 * * * *', rule: askStillNeeded },
    ...(config.NEEDS_CRON === 'off'
      ? []
      : [{ name: 'needs-digest', cron: config.NEEDS_CRON, rule: postNeedsDigest }]),
    { name: 'offer-expiry', cron: '*/15 * * * *', rule: expireOffers },
    { name: 'blood-drives', cron: '* * * * *', rule: askBloodDonors },
    { name: 'retention', cron: '30 3 * * *', rule: purgeExpired },
    { name: 'export-expiry', cron: '*/10 * * * *', rule: expireExports },
    { name: 'public-channel-needs', cron: '* * * * *', rule: postVerifiedNeeds },
    { name: 'public-channel-summary', cron: config.PUBLIC_CHANNEL_CRON, rule: postDailySummary },
  ];
}
