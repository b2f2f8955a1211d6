topic-rescue = rescue
topic-supply = supply
topic-volunteers = volunteers
topic-sitrep = situation reports
target-everywhere = the whole region
target-area-unknown = I do not know the area "{ $typed }". Use a name from the area list, e.g. Bantul or DIY/Bantul/Imogiri.
target-area-ambiguous = "{ $typed }" could mean several areas: { $options }. Please write the full path.

cmd-register = make this group receive broadcasts: topics (rescue, supply, volunteers, sitrep, all) and an area
cmd-register-usage = /register rescue,supply Bantul
register-no-topics = Please name at least one topic: rescue, supply, volunteers, sitrep or all. Use it like this: { $usage }
register-created = This group is now { $ref }. It will receive: { $topics }, for { $area }.
register-updated = { $ref } updated. It will now receive: { $topics }, for { $area }.
target-all = all groups
target-topic = { $topic } groups
target-missing = Please say who should get it: all, a topic (rescue, supply, volunteers, sitrep), an area, or a group G-n.

cmd-broadcast = send a message to groups now: to all, a topic, an area or G-n; /broadcast B-n shows its progress
cmd-broadcast-usage = /broadcast Bantul Clean water arrives at the Imogiri post at 15:00
broadcast-no-text = What should the broadcast say? Use it like this: { $usage }
broadcast-no-groups = No registered group matches { $target }. Nothing was sent. Send /groups to see the groups.
broadcast-queued = { $ref } is on its way to { $groups } groups ({ $target }). I will tell you when every group has it. Progress: /broadcast { $ref }
broadcast-twin = { $ref } with the same text went to the same groups { $minutes } min ago ({ $sent } of { $total } delivered so far). I did not send it again. To repeat it on purpose, wait { $window } minutes or change the text.
broadcast-confirm =
    Groups will read this{ $removed ->
        [0] {""}
        [one] {" "}(I took out 1 phone number, exact location or private link)
       *[other] {" "}(I took out { $removed } phone numbers, exact locations or private links)
    }:

    { $text }

    { $hints ->
        [none] {""}
       *[other] It still seems to hold personal details: { $hints }. Groups are many readers; write those to the people concerned instead.{" "}
    }Send it? Answer yes or no.
broadcast-hint-address = an address
broadcast-hint-name = a person's name
broadcast-hint-email = an e-mail address
broadcast-confirm-invalid = Please answer yes to send the broadcast as shown, or no to drop it.
broadcast-dropped = Nothing was sent. Write the broadcast again without the personal details.
broadcast-confirm-in-private = This broadcast needs your confirmation before it goes (the text had personal details, or looks as if it has). Send it from a private chat with me. Nothing was sent.
broadcast-not-found = There is no broadcast { $ref }.
broadcast-progress = { $ref }: { $sent } of { $total } groups have it, { $pending } still on the way. Failed: { $failed }.
broadcast-progress-scheduled = { $ref } is scheduled and has not been sent yet. Send /schedules to see when.
broadcast-done = { $ref } delivered: all { $total } groups have it.
broadcast-done-failed = { $ref } finished: { $sent } of { $total } groups have it. Failed for good: { $failed }. Send /groups to see why.
broadcast-done-none = { $ref } reached no group: none matches its target any more. Send /groups to see the groups.

cmd-groups = registered groups with topics, area and last delivery
cmd-groups-usage = /groups
groups-none = No group is registered yet. A coordinator writes /register inside a group to add it.
groups-list =
    { $count } registered groups:
    { $lines }
groups-line = { $ref } { $title }: { $topics }; { $area }. { $state }
groups-state-left = The bot left this group.
groups-state-unreachable = Unreachable: the bot was removed or blocked.
groups-state-none = Nothing sent yet.
groups-delivery-sent = Last message delivered { $at }.
groups-delivery-pending = Last message waiting since { $at }.
groups-delivery-sending = Last message being sent since { $at }.
groups-delivery-failed = Last message FAILED ({ $at }): { $error }

cmd-schedule = broadcast later: a time today, a date and time, or a cron expression in quotes to repeat
cmd-schedule-usage = /schedule 18:00 all Curfew from 20:00 · /schedule 2026-12-01 07:00 sitrep Daily meeting · /schedule "0 7 * * *" rescue Morning check-in
schedule-when-invalid = I could not read when. Write a time (18:00), a date and time (2026-12-01 07:00) or a cron expression in quotes ("0 7 * * *"). Use it like this: { $usage }
schedule-when-past = That time has already passed. Please give a time in the future.
schedule-once = { $ref } scheduled for { $when } ({ $tz }) to { $target } ({ $groups } groups registered now). /unschedule { $ref } removes it.
schedule-repeating = { $ref } repeats "{ $cron }" ({ $tz }) to { $target }; first run { $when } ({ $groups } groups registered now). /unschedule { $ref } stops it.
cmd-schedules = scheduled broadcasts still to run
cmd-schedules-usage = /schedules
schedules-none = No broadcast is scheduled.
schedules-list =
    Scheduled broadcasts (times in { $tz }):
    { $schedules }
schedules-line = { $ref } at { $when } to { $target }: { $text }
schedules-line-repeating = { $ref } repeats "{ $cron }", next { $when }, to { $target }: { $text }
cmd-unschedule = remove a scheduled broadcast
cmd-unschedule-usage = /unschedule B-7
unschedule-which = Which scheduled broadcast? Use it like this: /unschedule B-7
unschedule-not-scheduled = { $ref } is not scheduled (it was already sent or removed).
unschedule-done = { $ref } removed: it will not be sent.

cmd-sitrep = situation report now, for everything or one area: rescue, requests, volunteers, changes
cmd-sitrep-usage = /sitrep · /sitrep Bantul
sitrep-header = Situation report for { $area }, { $when } ({ $tz })
sitrep-rescues-none = Rescue: no open case.
sitrep-rescues = Rescue: { $open } open, { $unack } not yet acknowledged. Waiting under 30 min: { $b0 }, 30 min to 2 h: { $b1 }, 2 to 6 h: { $b2 }, over 6 h: { $b3 }.
sitrep-rescues-oldest = Waiting longest: { $ref }, { $minutes } min ({ $area }).
sitrep-requests-none = Supply requests: none open.
sitrep-requests = Supply requests open: { $total }
sitrep-requests-area = {"  "}{ $area }: { $counts }
sitrep-status-new = new
sitrep-status-verified = verified
sitrep-urgency-critical = critical
sitrep-urgency-high = high
sitrep-urgency-normal = normal
sitrep-urgency-low = low
sitrep-volunteers = Volunteers available: { $total }. By skill: { $skills }
sitrep-changes-first = This is the first report.
sitrep-changes = Since the last report ({ $since }): open rescue cases { $rescues }, open requests { $requests }, available volunteers { $volunteers }. Recorded: { $events }

cmd-stillneeded = answer whether a supply request is still needed
cmd-stillneeded-usage = /stillneeded R-12 yes
still-needed-usage = Please answer like this: /stillneeded R-12 yes (or no).
still-needed-ask = Your request { $ref } has had no news for two days. Do you still need it?
    (Or write: /stillneeded { $ref } yes, or no.)
still-needed-yes = Yes, still needed
still-needed-no = No, not any more
still-needed-not-yours = { $ref } is not one of your requests.
still-needed-not-asked = There is no open question about { $ref }.
still-needed-kept = Thank you. { $ref } stays open; the coordinators can see it is still needed.
still-needed-closed = Thank you. { $ref } is closed as no longer needed.
still-needed-volunteer = { $ref } is no longer needed: the requester closed it. Please do not deliver it.
