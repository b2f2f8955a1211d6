## Supply requests: /need, /status, /open, /verify, /dup, /close, /reject, /assign, /cancel R-n

cmd-need = ask for supplies (water, food, medicine...)
cmd-need-usage = /need 20 water, 5 kg rice @ Bantul
cmd-status = your requests and rescue reports, and where they stand
cmd-status-usage = /status
cmd-open = open supply requests, most urgent first (coordinators)
cmd-open-usage = /open, /open 2 (page), /open Imogiri (area), /open Bantul 2
cmd-verify = confirm a request is real; it is then announced to volunteers
cmd-verify-usage = /verify R-12
cmd-dup = mark a request as a duplicate of another
cmd-dup-usage = /dup R-14 R-12
cmd-close = close a request whose need is met
cmd-close-usage = /close R-12 delivered by the village team
cmd-reject = reject a request, with the reason
cmd-reject-usage = /reject R-12 reason
cmd-assign = give a request to a volunteer
cmd-assign-usage = /assign R-12 V-40

## The /need dialog
need-ask-items =
    What do you need? Write the items with quantities, separated by commas.
    For example: 20 water, 5 kg rice, diapers
need-ask-people = For how many people? Send a number.
need-people-unknown = I don't know
need-ask-location = Where should it go? Share your location, send coordinates like -7.80,110.36, or write the address.
need-ask-area = Which area is that in? Choose one or write its name.
need-ask-urgency = How urgent is it?
need-ask-contact = A phone number where a volunteer can reach you? Share your contact, type the number, or skip.
need-ask-note = Anything else the volunteers should know (directions, allergies, access)? Write it, or skip.
need-skip = Skip
need-created =
    Your request is { $ref }: { $itemsAsWritten }.
    For { people-n } · { $location } · urgency { $urgency }.
    A coordinator will check it soon, and I will tell you when it moves. Send /status to follow it, /cancel { $ref } to withdraw it.

need-items-empty = I did not find any items there. Write what you need, like: 20 water, 5 kg rice, diapers
need-items-too-long = That list is too long. Please send the most important items first (at most 1000 characters).
need-items-too-many = That is more than 20 items. Please send the most important ones first.
need-items-no-name = I see a number but no item in "{ $part }". Write it like: 20 water
need-items-bad-quantity = The quantity in "{ $part }" is not usable. Use a number from 1 to 100000.
need-people-invalid = Please send the number of people as a number from 1 to { $max }, or choose "I don't know".
need-location-invalid = I could not read a location there. Share your location, send coordinates like -7.80,110.36, or write the address.
need-location-too-long = That address is too long (at most { $max } characters).
need-area-unknown = I do not know the area "{ $text }". Choose one of the buttons or write a known name.
need-area-ambiguous = More than one area has that name: { $options }. Please write the full name.
need-urgency-invalid = Please choose one of the urgency levels.
need-contact-invalid = That does not look like a phone number. Write it like +62 812 3456 7890, or skip.
need-note-invalid = Please write the note as text of at most { $max } characters, or skip.

## Items (the catalog of src/core/items.ts) and units
item-water = water
item-rice = rice
item-diapers = { $qty ->
    [one] diaper
   *[other] diapers
}
item-medicine = medicine
item-food = food
item-blanket = { $qty ->
    [one] blanket
   *[other] blankets
}
item-tarp = { $qty ->
    [one] tarp
   *[other] tarps
}
item-baby_milk = baby milk
item-milk = milk
item-noodles = instant noodles
item-clothes = clothes
item-hygiene_kit = { $qty ->
    [one] hygiene kit
   *[other] hygiene kits
}
item-mask = { $qty ->
    [one] mask
   *[other] masks
}
item-tent = { $qty ->
    [one] tent
   *[other] tents
}
item-mattress = { $qty ->
    [one] mattress
   *[other] mattresses
}
item-sanitary_pads = sanitary pads
item-soap = soap
item-flashlight = { $qty ->
    [one] flashlight
   *[other] flashlights
}
item-cooking_oil = cooking oil
item-eggs = eggs
items-other = { $count ->
    [one] other item (1)
   *[other] other items ({ $count })
}
unit-kg = kg
unit-liter = l
unit-sack = sacks of
unit-box = boxes of
unit-pack = packs of
unit-bottle = bottles of
unit-gallon = gallons of
unit-can = cans of
unit-piece = pcs

## States and urgency
supply-status-new = new, waiting for a check
supply-status-verified = verified, waiting for a volunteer
supply-status-assigned = a volunteer is on it
supply-status-delivered = delivered
supply-status-closed = closed
supply-status-cancelled = cancelled
supply-status-duplicate = duplicate
supply-status-rejected = rejected
supply-urgency-low = Low
supply-urgency-normal = Normal
supply-urgency-high = High
supply-urgency-critical = Critical
supply-location-none = no location
supply-area-none = outside the known areas
supply-contact-none = no number given

## Coordinators
supply-new-coordinators =
    New supply request { $ref } ({ $urgency }): { $itemsAsWritten }.
    For { people-n } · { $location }.
    Check it, then /verify { $ref } (or /dup, /reject).
supply-ref-invalid = "{ $text }" is not a reference. Write it like R-12.
supply-not-a-request = { $ref } is not a supply request. Supply requests look like R-12.
supply-not-found = There is no request { $ref }.
supply-move-refused = { $ref } is "{ $status }", so it cannot become "{ $to }".
supply-verify-duplicates =
    { $ref } may be a duplicate of:
    { $list }
    Nothing is changed yet. Mark it as a duplicate, or verify it anyway.
supply-duplicate-line = { $ref } ({ $why }, { $status }): { $itemsAsWritten }
supply-dup-why-requester = same person
supply-dup-why-area-items = same area and items
supply-dup-choice = Duplicate of { $original }
supply-verify-anyway = Verify anyway
supply-verified = { $ref } is verified and announced to { $groups } group(s).
supply-announce =
    Supply request { $ref } ({ $urgency }) in { $place }: { $items }, for { people-n }.
    Volunteers: /take { $ref }
supply-volunteer-invalid = "{ $text }" is not a volunteer. Write it like V-40.
supply-volunteer-not-found = There is no volunteer { $volunteer }.
supply-volunteer-left = { $volunteer } is no longer an active volunteer.
supply-already-assigned = { $ref } is already with { $volunteer }.
supply-assigned = { $ref } is now with { $volunteer } { $name }. They and the requester have been told.
supply-closed = { $ref } is closed.
supply-rejected = { $ref } is rejected. The requester has been told why.
supply-reason-needed = Please give the reason; the requester will read it. { $usage }
supply-dup-done = { $ref } is marked as a duplicate of { $original }.
supply-dup-self = A request cannot be a duplicate of itself.
supply-dup-original-ended = { $original } is "{ $status }"; link the duplicate to a request that is still followed.

## To the volunteer
supply-assigned-volunteer =
    You have been given supply request { $ref } ({ $urgency }): { $itemsAsWritten }, for { people-n }.
    Where: { $location }
    Contact: { $contact }
    Note: { $notes }
supply-unassigned-volunteer = Supply request { $ref } has been given to another volunteer. Thank you; you do not need to go.
supply-closed-volunteer = Supply request { $ref } has been closed by a coordinator. You do not need to go.
supply-cancelled-volunteer = The requester cancelled supply request { $ref }. You do not need to go.

## To the requester
supply-verified-requester = Your request { $ref } has been checked by a coordinator and is now shown to volunteers.
supply-assigned-requester = A volunteer has taken your request { $ref } and will contact you or come by.
supply-closed-requester = Your request { $ref } is closed ({ $reason }). If you still need help, send /need again.
supply-rejected-requester = Your request { $ref } could not be accepted: { $reason }. If your situation changes, send /need again.
supply-dup-requester = Your request { $ref } is the same need as { $original }, which we follow instead. Nothing more for you to do.
supply-not-yours = { $ref } is not one of your requests, so you cannot cancel it.
supply-cancelled = Your request { $ref } is cancelled. Thank you for telling us.

## /status and /open
status-none = You have no requests or rescue reports. Send /need to ask for supplies, or SOS for rescue.
status-list =
    Your requests, reports and offers:
    { $lines }
status-request-line = { $ref }: { $itemsAsWritten } · { $status }
status-rescue-line = { $ref } (rescue, { $area }) · { $status }
status-rescue-open = waiting for a rescue team
status-rescue-acknowledged = seen by coordinators
status-rescue-team_assigned = a team is on the way
status-rescue-rescued = rescued
status-rescue-closed = closed
open-none = No open supply requests ({ $area }).
open-everywhere = all areas
open-page-empty = There is no page { $page }; there are { $pages }.
open-list =
    Open supply requests in { $area } ({ $total }), page { $page } of { $pages }:
    { $lines }
open-line = { $ref } · { $urgency } · { people-n } · { $age } · { $area } · { $status } · { $itemsAsWritten }
open-next = Page { $page }
supply-age-minutes = { $n } min
supply-age-hours = { $n } h
supply-age-days = { $n } d
