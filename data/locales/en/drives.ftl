## Drives: /donor, /donorstatus, /blood, /giveblood, /campaign, /donate

cmd-donor = register as a blood donor (blood group, last donation, consent)
cmd-donor-usage = /donor, /donor O+
cmd-donorstatus = pause, resume or stop being asked for blood
cmd-donorstatus-usage = /donorstatus pause|resume|leave
cmd-blood = ask donors for blood for a hospital (coordinators, and hospital or PMI staff they named)
cmd-blood-usage = /blood O+ 3 @ RS Panembahan Senopati Bantul until tomorrow, /blood T-2 verify, /blood T-2 close, /blood
cmd-giveblood = answer a request for blood
cmd-giveblood-usage = /giveblood T-2 yes
cmd-campaign = vet a fundraising link for an area, a posko or a request (coordinators)
cmd-campaign-usage = /campaign add https://kitabisa.com/... Bantul Flood relief Bantul, /campaign withdraw F-1, /campaign confirm F-2 (admins)
cmd-donate = vetted fundraising campaigns for an area
cmd-donate-usage = /donate, /donate Bantul

donor-ask-group = What is your blood group? Choose it, or write it like O+ or AB-.
donor-group-invalid = I could not read that blood group. Write it like O+, A-, B+ or AB-.
donor-ask-last = When did you last give blood? Write the date (2026-10-01 or 1/10/2026), or choose "never".
donor-last-never = Never, or I don't remember
donor-last-invalid = Please write a past date like 2026-10-01 or 1/10/2026.
donor-ask-place = Where are you usually? Share your location, write the place, or skip.
donor-ask-consent =
    May coordinators ask you privately to give blood when a hospital needs your group? Your blood group is kept only for that, seen only by the coordinators and the matching, and erased with /forget or /donorstatus leave.
donor-consent-yes = Yes, you may ask me
donor-consent-no = No
donor-consent-invalid = Please choose yes or no.
donor-no-consent = Understood: nothing was recorded.
donor-registered = Thank you! You are registered as a blood donor ({ $group }). You will be asked privately, a few donors at a time, and may always say no. /donorstatus pause stops the questions for a while.
donor-paused = You will not be asked for blood until /donorstatus resume.
donor-resumed = You may be asked for blood again.
donor-left = You are no longer a blood donor; your blood group is erased.
donor-not-registered = You are not registered as a blood donor. Send /donor.

blood-created = { $ref }: { $bags } bags of { $bloodGroup } at { $hospital } ({ $area }). { $asked } donors asked so far; more as time passes without enough yeses.
blood-announce = Blood { $bloodGroup } needed at { $hospital } ({ $area }): { $found } of { $bags } donors found ({ $ref }). Donors can register with /donor.
blood-line = { $ref } · { $bloodGroup } at { $hospital } · { $yes } of { $bags } yes, { $waiting } waiting, { $no } no
blood-none = No blood request is open.
blood-not-found = There is no blood request { $ref }.
blood-already-closed = { $ref } is already closed.
blood-closed = { $ref } is closed ({ $found } of { $bags } donors found). Thank you.
blood-ask-donor = A hospital needs blood of your group: { $bloodGroup } at { $hospital }, until { $until } ({ $ref }). Can you give?
blood-yes = Yes, I can
blood-no = Not this time
blood-not-asked = You were not asked for { $ref }, or you have already answered.
blood-thanks-no = Thank you for answering. You will be asked again another time.
blood-thanks-yes = Thank you! Please go to { $hospital } before { $until } and say you come for { $ref } ({ $bloodGroup }).
blood-found-requester = { $ref }: { $found } of { $bags } donors found.
blood-covered-donor = Thank you: the blood needed for { $ref } is covered. You will not be asked for it again.
blood-covered-coordinators = { $ref } is covered: { $found } of { $bags } donors said yes. Close it with /blood { $ref } close when the hospital confirms.
blood-deadline-requester = { $ref } reached its deadline with { $found } of { $bags } donors found.

campaign-link-invalid = That is not an https link I can vet.
campaign-request-not-verified = { $ref } is not a verified request.
campaign-added = { $ref } vetted: { $label } ({ $url }). /donate lists it, with your name and today's date.
campaign-pending = { $ref } ({ $label }) is not on a known fundraising platform: an admin must confirm it (/campaign confirm { $ref }) before anyone sees it.
campaign-pending-admins = Campaign { $ref } waits for an admin: { $label } · { $url }. Check it, then /campaign confirm { $ref } or /campaign withdraw { $ref }.
campaign-confirmed = { $ref } is confirmed and listed by /donate.
campaign-withdrawn = { $ref } is withdrawn: it is gone from /donate and everywhere else.
campaign-unchanged = { $ref } cannot change that way. Nothing was changed.
campaign-list-title = { $count } campaigns are listed; { $pending } wait for an admin.
campaign-pending-line = { $ref } · { $label } · { $url }
donate-none = No vetted campaign is listed here yet.
donate-title = Vetted campaigns. The bot never takes, holds or counts money: you give on the campaign's own page.
donate-line = { $ref } { $label } ({ $area }): { $url } · vetted by { $vetter } on { $date }
donate-a-coordinator = a coordinator

## Hospital and PMI staff (/bloodstaff) and their requests
cmd-bloodstaff = name hospital or PMI staff who may ask for blood for their hospital (coordinators)
cmd-bloodstaff-usage = /bloodstaff telegram:123 RS Panembahan Senopati Bantul, /bloodstaff telegram:123 off
bloodstaff-added = { $person } may now ask for blood for { $hospital } with /blood; each request waits for a coordinator's /blood T-n verify.
bloodstaff-added-person = A coordinator named you staff of { $hospital }: ask for blood with /blood O+ 3 (the group and the bags). A coordinator verifies each request before donors are asked.
bloodstaff-removed = { $person } no longer asks for blood as hospital staff.
bloodstaff-removed-person = You no longer ask for blood as hospital staff.
bloodstaff-not-staff = { $person } is not named as hospital staff.
blood-not-entitled = Blood requests are for coordinators and for hospital or PMI staff a coordinator named (/bloodstaff). Nothing was changed.
blood-created-unverified = { $ref }: { $bags } bags of { $bloodGroup } at { $hospital }. A coordinator verifies it before donors are asked; I will tell you.
blood-verify-coordinators = Blood request { $ref } from hospital staff: { $bags } bags of { $bloodGroup } at { $hospital } ({ $area }). Verify it with /blood { $ref } verify, or close it with /blood { $ref } close.
blood-verified-requester = { $ref } is verified: { $asked } donors asked so far. You will see the count rise as they say yes.
blood-not-waiting = { $ref } is not waiting for verification.

## A forwarded blood appeal, answered with the live count
blood-appeal-title = This looks like a request for blood. Where it stands now:
blood-appeal-line = { $ref } · Blood { $bloodGroup } at { $hospital } ({ $area }): { $found } of { $bags } donors found.
blood-appeal-forward = Please pass on this count, not the old message: it may be met already, and it carries a family's number. Donors register with /donor.
blood-appeal-unknown = This looks like a request for blood, but no open request here fits it: it may be met already. Coordinators post verified requests with /blood; register as a donor with /donor and you will be asked privately when your group is needed nearby.
