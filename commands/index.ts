import type { Command } from '../src/engine/command.ts';
import ack from './ack.ts';
import alert from './alert.ts';
import assign from './assign.ts';
import available from './available.ts';
import blood from './blood.ts';
import bloodstaff from './bloodstaff.ts';
import broadcast from './broadcast.ts';
import campaign from './campaign.ts';
import cancel from './cancel.ts';
import close from './close.ts';
import consent from './consent.ts';
import dashboard from './dashboard.ts';
import donate from './donate.ts';
import done from './done.ts';
import donor from './donor.ts';
import donorstatus from './donorstatus.ts';
import draft from './draft.ts';
import dup from './dup.ts';
import exportRecords from './export.ts';
import find from './find.ts';
import forget from './forget.ts';
import found from './found.ts';
import giveblood from './giveblood.ts';
import grant from './grant.ts';
import groups from './groups.ts';
import help from './help.ts';
import lang from './lang.ts';
import leave from './leave.ts';
import listen from './listen.ts';
import locate from './locate.ts';
import match from './match.ts';
import missing from './missing.ts';
import missingcases from './missingcases.ts';
import myoffers from './myoffers.ts';
import need from './need.ts';
import needs from './needs.ts';
import off from './off.ts';
import offer from './offer.ts';
import offers from './offers.ts';
import open from './open.ts';
import posko from './posko.ts';
import publiccontact from './publiccontact.ts';
import register from './register.ts';
import reject from './reject.ts';
import renew from './renew.ts';
import rescued from './rescued.ts';
import revoke from './revoke.ts';
import safe from './safe.ts';
import schedule from './schedule.ts';
import schedules from './schedules.ts';
import sitrep from './sitrep.ts';
import sos from './sos.ts';
import start from './start.ts';
import status from './status.ts';
import stillneeded from './stillneeded.ts';
import stock from './stock.ts';
import take from './take.ts';
import tasks from './tasks.ts';
import triage from './triage.ts';
import unschedule from './unschedule.ts';
import verify from './verify.ts';
import volunteer from './volunteer.ts';
import volunteers from './volunteers.ts';
import whoami from './whoami.ts';
import whofound from './whofound.ts';

/** Every chat command, in the order /help lists them. Adding a command adds one line here. */
export const commands: readonly Command[] = [
  start,
  help,
  lang,
  cancel,
  sos,
  triage,
  need,
  status,
  rescued,
  safe,
  find,
  whofound,
  missing,
  consent,
  offer,
  myoffers,
  offers,
  renew,
  needs,
  posko,
  donor,
  donorstatus,
  giveblood,
  donate,
  open,
  verify,
  dup,
  assign,
  close,
  reject,
  match,
  blood,
  bloodstaff,
  campaign,
  missingcases,
  found,
  stock,
  ack,
  locate,
  register,
  listen,
  draft,
  broadcast,
  alert,
  schedule,
  schedules,
  unschedule,
  groups,
  publiccontact,
  sitrep,
  dashboard,
  stillneeded,
  whoami,
  exportRecords,
  grant,
  revoke,
  volunteer,
  available,
  off,
  tasks,
  take,
  done,
  leave,
  volunteers,
  forget,
];
