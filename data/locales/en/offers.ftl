## Mobilising resources: /offer, /myoffers, /renew, /needs, /posko, /match, /stock

cmd-offer = offer goods or a service (blankets, a truck, a kitchen...)
cmd-offer-usage = /offer 50 blanket, 10 box instant noodles @ Sleman until Friday
cmd-myoffers = your offers and what became of them
cmd-offers = coordinators: the offers standing now, by service and area, with the donors' contacts
cmd-offers-usage = /offers, /offers boat Bantul, /offers truck
cmd-myoffers-usage = /myoffers
cmd-renew = keep your offer standing longer
cmd-renew-usage = /renew O-3 Friday
cmd-needs = what verified requests still need, by area
cmd-needs-usage = /needs, /needs Bantul
cmd-posko = collection posts near a place; coordinators register them
cmd-posko-usage = /posko near Imogiri, /posko K-1, /posko add Posko Imogiri @ Imogiri hours 08-17 accepts water, rice contact 0274 123456, /posko set K-1 hours 07-20
cmd-match = match an offer with a verified request, then follow the goods (coordinators)
cmd-match-usage = /match R-12 O-3 [quantity], /match R-12 O-3 posko K-1, /match R-12 O-3 delivered, /match R-12 O-3 cancel
cmd-stock = goods received and handed out at a posko (coordinators)
cmd-stock-usage = /stock in K-1 20 water, 5 kg rice, /stock out K-1 10 water, /stock K-1

## The /offer dialog
offer-ask-items =
    What can you give? Write the items with quantities, separated by commas.
    For example: 50 blanket, 10 box instant noodles
    Services too: a truck, a boat, a public kitchen, an ambulance.
offer-ask-location = Where are the goods now? Share your location, send coordinates, or write the place.
offer-ask-until = Until when can you give them? Write a day (Friday, tomorrow, 10/12, 5 days), or keep { $days } days.
offer-until-default = { $days } days
offer-until-invalid = I could not read that day. Write a day within 60 days, like: Friday, tomorrow, 10/12, 5 days.
offer-ask-delivery = Can you bring the goods, or should someone pick them up?
offer-delivery-brings = I can bring them
offer-delivery-pickup = Please pick them up
offer-delivery-invalid = Please choose one of the two answers.
offer-ask-contact = A phone number where a coordinator can reach you? Share your contact, type the number, or skip.

offer-created =
    Thank you! Your offer is { $ref }: { $items }.
    In { $area }, until { $until } · { $delivery }.
    A coordinator will match it with a verified need and I will tell you where to bring it. /myoffers follows it, /cancel { $ref } withdraws it.
offer-created-quick =
    Thank you! Your offer is { $ref }: { $items }.
    In { $area }, until { $until } · { $delivery }.
    To change the date: /renew { $ref } Friday. To be picked up instead, or to add a phone: /cancel { $ref } and send /offer for the questions.
offer-new-coordinators =
    New offer { $ref }: { $items }.
    { $area }, until { $until } · { $delivery }.
offer-nothing-left = nothing left
offer-brings = the donor brings it
offer-pickup = to be picked up
offer-status-open = open
offer-status-expired = expired
offer-status-withdrawn = withdrawn
offer-ref-invalid = "{ $text }" is not an offer reference. Offers look like O-3.
offer-not-found = There is no offer { $ref }.
offer-not-yours = { $ref } is not one of your offers. Nothing was changed.
offer-not-open = { $ref } is { $status }. Nothing was changed.
offer-renewed = { $ref } stands until { $until }: { $left }.
offer-withdrawn = Your offer { $ref } is withdrawn. Thank you all the same.
offer-withdrawn-coordinators = Offer { $ref } was withdrawn by its donor; its pledge to { $request } is cancelled and that need is open again.
offer-expired-ask = Your offer { $ref } has reached its date. Do you still have the goods? Renew it, or do nothing and it stays closed.
offer-renew-choice = Yes, { $days } more days

myoffers-none = You have no offers. Send /offer to offer goods or a service.
myoffers-title = Your offers ({ $count }):
myoffers-line = { $ref } · { $status } · { $items } · left: { $left } · until { $until }
myoffers-match-line = {"  "}→ { $request }: { $item } · { $status }

## Matching
match-status-pledged = pledged
match-status-at-posko = at the posko
match-status-delivered = delivered
match-status-cancelled = cancelled
match-same-area = same area
match-suggestions =
    { $about }: { $count ->
        [one] one possible match
       *[other] { $count } possible matches
    }. Confirm with the line's command:
    { $lines }
match-suggestion-line = { $request } ← { $offer }: { $item } · { $km } · { $command }
match-request-not-open = { $ref } is { $status }: only verified requests are matched. Nothing was changed.
match-committed = { $offer } has no more of that to give (left: { $left }). Nothing was changed.
match-nothing-shared = { $offer } offers nothing { $ref } still needs. Nothing was changed.
match-made =
    Matched { $ref } with { $offer }: { $items }.
    Still needed on { $ref }: { $needLeft }. Left on { $offer }: { $offerLeft }.
match-need-covered = nothing, all pledged
match-where-posko = Bring them to { $posko } { $name } ({ $address }), open { $hours }, contact { $contact }.
match-where-area = They are for { $place }; the volunteer { $volunteer } (contact { $contact }) will arrange the hand-over.
match-no-volunteer = not yet assigned
match-donor =
    Your offer { $offer } is pledged to a need: { $items }.
    { $where }
match-requester = Help is coming for { $ref }: a donor pledged { $items }. I will tell you as it moves.
match-none = There is nothing between { $ref } and { $offer } that can become { $to }. Nothing was changed.
match-at-posko-done = { $ref } ← { $offer }: { $items } is at { $posko }.
match-at-posko-donor = Your goods for { $ref } ({ $items }) arrived at { $posko }. Thank you!
match-at-posko-requester = The goods for { $ref } ({ $items }) are at { $posko }, on their way to you.
match-delivered-done = { $ref } ← { $offer }: { $items } delivered.
match-delivered-donor = Your goods ({ $items }) reached the people who needed them ({ $ref }). Thank you!
match-delivered-requester = { $items } for { $ref } is delivered. If anything is still missing, tell a coordinator or send /need.
match-cancelled-done = { $ref } ← { $offer }: the pledge of { $items } is cancelled; both sides are open again.
match-cancelled-donor = The pledge of your offer { $offer } ({ $items }) is cancelled; the goods are free for another need.
match-cancelled-requester = The goods pledged for { $ref } ({ $items }) will not come after all. Your request stays open.

## /needs
needs-none = No verified needs are open right now.
needs-title = Still needed, after what donors pledged ({ $count } areas):
needs-line = { $area }: { $items }
needs-digest-offer = Can you help? Send /offer to the bot in a private chat, or bring goods to a posko (/posko).

## Posko
posko-added = Registered { $ref } { $name } · { $where } · open { $hours } · accepts { $accepts } · contact { $contact }. Change it with /posko set { $ref } hours … accepts … contact ….
posko-updated = { $ref } { $name } · open { $hours } · accepts { $accepts } · contact { $contact }.
posko-none = No posko is registered yet.
posko-none-near = No posko is registered near { $place }.
posko-line =
    { $ref } { $name }{ $distance }
    { $where } · open { $hours } · accepts { $accepts } · contact { $contact }
posko-not-found = There is no posko "{ $text }". /posko lists them.
posko-area-unknown = I do not know the area of "{ $text }". Write an area name or coordinates after @.
posko-accepts-invalid = "{ $text }" is not an item I know. Write catalog items, like: water, rice, blanket
posko-field-empty = "{ $field }" needs a value after it.
stock-line = In stock: { $items }
stock-empty = nothing
stock-show = { $ref } { $name } holds: { $items }
stock-item-unknown = "{ $text }" is not an item I know: stock keeps catalog items only.
stock-qty-needed = How many { $item }? Write it with a quantity, like: 20 water
stock-short = { $ref } holds only { $have }, not { $asked }. Nothing was changed.
stock-in-done = Received at { $ref } { $name }: { $moved }. Now in stock: { $items }
stock-out-done = Handed out at { $ref } { $name }: { $moved }. Now in stock: { $items }

## /offers (coordinators)
offers-title = Offers standing ({ $count }; { $filter }):
offers-line = { $ref } · { $area } · { $left } · until { $until } · { $delivery } · { $contact }
offers-none = No offer is standing ({ $filter }).
offers-more = … and { $more } more. Narrow the list with a service or an area.
offers-bad-filter = I could not read "{ $word }". Use an area or a service ({ $skills }).

## Services an offer names (src/domain/services.ts), by skill id
service-boat = boat
service-driver = vehicle (truck, car)
service-cooking = public kitchen
service-medical = medical team or ambulance
service-sar = SAR team
service-shelter = place to stay
service-logistics = warehouse or equipment
service-translation = translator
service-counselling = counselling
