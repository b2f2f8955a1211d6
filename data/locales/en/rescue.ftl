# Rescue (SOS): the reporter's flow, coordinators' commands, group announcements and escalation.
# Messages about a case get its summary from rescue-summary-group (area and coarse location only: it goes
# to groups) or rescue-summary-full (exact location, address, contact: coordinators and the team).

cmd-sos = report people in danger who need rescue (or just send SOS)
cmd-sos-usage = /sos, or SOS with your address: SOS Jl. Imogiri Timur km 8, 4 people, water rising
cmd-rescued = say that the people of a rescue case are safe
cmd-rescued-usage = /rescued S-3 (your own case: /rescued)
cmd-ack = acknowledge a rescue case: stops its escalation, tells the reporter
cmd-ack-usage = /ack S-3
cmd-locate = correct the location of a rescue case
cmd-locate-usage = /locate S-3 -7.80,110.36 (or an address)

rescue-condition-injured = injured
rescue-condition-children = children
rescue-condition-elderly = elderly
rescue-condition-disabled = disabled
rescue-condition-trapped = trapped
rescue-condition-water_rising = water rising
rescue-condition-unknown = not reported
sos-condition-none = none of these
sos-skip = skip

# A people count, or words saying it is not known yet (never "?"): $people is a number or "unknown".
people-n = { $people ->
        [unknown] people (how many is not known yet)
       *[other] { $people } people
    }
people-value = { $people ->
        [unknown] not known yet
       *[other] { $people }
    }
rescue-condition-none = none

sos-created =
    🆘 Your rescue report is { $ref }. Coordinators and rescue teams near you are being alerted now.
    Until help arrives: go to the highest safe place, keep away from moving water and power lines, save your phone battery, and make yourself visible (a cloth, a light). If you can, also call 112.
sos-created-address =
    { sos-created }
    I only have your address. If you can, share your location (📎 → Location): I will add it to { $ref } at once.
sos-created-unknown =
    { sos-created }
    I do not know where you are yet: the coordinators know that too.
sos-created-bad-point =
    { sos-created }
    "{ $written }" is not a place on the map (latitude -90 to 90, longitude -180 to 180), so your location is unknown for now.
sos-merged = Your rescue report { $ref } is still open: I added what you sent, and the coordinators see it. If you are safe now, send /rescued.
sos-ask-location = Where are you? Share your location (📎 → Location), send coordinates like -7.80,110.36, or write the address with the village or district.
sos-location-invalid = I still need to know where you are: share your location, or write the address.
sos-ask-people = How many people need rescue, including you? Reply with a number.
sos-people-invalid = Please reply with the number of people, for example 4 (or "skip").
sos-ask-conditions = Does any of this apply? Reply with the numbers, for example 1, 5.
sos-conditions-invalid = Please reply with the numbers that apply, for example 1, 5 (or "none").
sos-ask-contact = A phone number rescuers can call? Share your contact or type the number.
sos-contact-invalid = Please type a phone number such as 0812 3456 7890 (or "skip").
sos-complete = Thank you. { $ref }: { people-n }; { $conditions_en }. Stay where rescuers can find you. I will tell you when a coordinator has seen it and when a team is on its way. If you move, share your location again.
sos-location-updated = The location of { $ref } is updated. The coordinators have it.
sos-acknowledged-reporter = A coordinator has seen your rescue report { $ref } and is arranging help. Stay where you are if it is safe there.

rescue-check-note = { $checkReason ->
        [address] {" "}⚠ Address only: confirm the location with /locate { $ref } lat,lon
        [outside] {" "}⚠ The point is outside every known area: please check it.
        [unknown] {" "}⚠ Location unknown: the reporter is being asked; call them if you can.
       *[none] {""}
    }
rescue-summary-group =
    Area: { $area ->
        [none] not known yet
       *[other] { $area }
    }. Around: { $place ->
        [none] no map point yet
       *[other] { $place } (about 1 km)
    }.
    People: { people-value }. Conditions: { $conditions_en }.
rescue-summary-full =
    Location: { $exact ->
        [none] no map point
       *[other] { $exact } { $map }
    }
    Address: { $address ->
        [none] -
       *[other] { $address }
    }
    Area: { $area ->
        [none] unknown
       *[other] { $area }
    }
    People: { people-value }. Conditions: { $conditions_en }.
    Contact: { $contact ->
        [none] not given
       *[other] { $contact }
    }. Reported by { $reporter }.

rescue-new-group =
    🆘 Rescue { $ref }: people need rescue.
    { rescue-summary-group }
    Coordinators have the details.
rescue-new-coordinators =
    🆘 New rescue case { $ref }.{ rescue-check-note }
    { rescue-summary-full }
    Acknowledge: /ack { $ref }
rescue-repeated-coordinators =
    🆘 { $ref }: the reporter wrote again.
    { rescue-summary-full }
rescue-details-coordinators =
    { $ref }: details added by the reporter.
    { rescue-summary-full }
rescue-escalated-group =
    ⏰ Rescue { $ref } has waited { $minutes } minutes with no response (alert { $level }).
    { rescue-summary-group }
    Coordinators: /ack { $ref }
rescue-escalated-coordinators =
    ⏰ ESCALATION { $level }: { $ref } has waited { $minutes } minutes and nobody has acknowledged it.{ rescue-check-note }
    { rescue-summary-full }
    Acknowledge: /ack { $ref }
rescue-acknowledged-group = ✅ Rescue { $ref } is acknowledged: a coordinator is arranging help.
rescue-relocated-group =
    📍 Rescue { $ref } has a new location.
    { rescue-summary-group }
rescue-relocated-coordinators =
    📍 { $ref }: new location, from { $source ->
        [coordinator] a coordinator
       *[reporter] the reporter
    }.{ rescue-check-note }
    { rescue-summary-full }
rescue-relocated-team =
    📍 { $ref } has a new location. Go here:
    { rescue-summary-full }
rescue-relocated-reporter =
    📍 A coordinator corrected the location of your rescue report { $ref }: { $exact ->
        [none] { $address }
       *[other] { $exact }
    }. If this is wrong, share your location (📎 → Location).

ack-done = { $ref } acknowledged: escalation stops and the reporter is told.
rescued-done = { $ref } is marked rescued. Thank you.
rescued-none = You have no rescue case in progress.
rescue-rescued-reporter = ✅ Your rescue case { $ref } is marked rescued. Stay safe. If you still need help, send SOS.
rescue-rescued-team = ✅ { $ref } is marked rescued. Thank you.
rescue-rescued-coordinators = ✅ { $ref } marked rescued by { $by }.
rescue-rescued-group = ✅ Rescue { $ref }: the people are safe.
locate-done =
    { $ref }: location corrected.
    { rescue-summary-full }
rescue-not-found = There is no rescue case { $ref }.
rescue-wrong-status = { $ref } is { $status ->
        [open] still open
        [acknowledged] already acknowledged
        [team_assigned] already assigned to a team
        [rescued] already marked rescued
       *[closed] closed
    }: nothing changed.
rescue-not-yours = Only the reporter, the assigned team or a coordinator can change { $ref }.

rescue-assigned = { $ref } is assigned to { $volunteer } ({ $name }). They have the full details; the reporter is told.
rescue-already-assigned = { $ref } is already assigned to { $volunteer }.
rescue-assigned-team =
    🚤 Rescue { $ref } is yours. Go here:
    { rescue-summary-full }
    When everyone is safe: /done { $ref }
rescue-unassigned-team = { $ref } was given to another team. You need not go.
rescue-team-assigned-reporter = 🚤 A rescue team ({ $name }) is assigned to your report { $ref }. Stay where you are if it is safe, and keep your phone on.
rescue-team-assigned-group = 🚤 Rescue { $ref } ({ $area }) has a team: { $volunteer }.
rescue-closed = { $ref } is closed.
rescue-closed-reporter = Your rescue report { $ref } is closed ({ $reason }). If you still need help, send SOS.
rescue-closed-team = { $ref } is closed: you need not go.
rescue-closed-group = Rescue { $ref } ({ $area }) is closed: no team is needed.
sos-ask-photo = If you can, send a photo of where you are or of the water: it helps the team. If you cannot, that is fine.
