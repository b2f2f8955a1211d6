## Listen mode (issue 34): /listen in a group, /draft for coordinators

cmd-listen = let the bot read this group's messages and turn needs and danger into drafts for coordinators (coordinators, in a registered group)
cmd-listen-usage = /listen on, /listen off, /listen
cmd-draft = what listen mode read in the groups: confirm, edit, merge or discard each draft (coordinators)
cmd-draft-usage = /draft, /draft D-3, /draft D-3 confirm, /draft D-3 edit 20 water for 30 people @ Imogiri, /draft D-3 merge R-5, /draft D-3 discard, /draft D-3 rescue

listen-not-registered = Register this group first, then turn listening on. For example: { $usage }
listen-state-on = Listening is on in { $ref }: needs, offers and danger written here reach coordinators privately. /listen off stops it.
listen-state-off = Listening is off in { $ref }. /listen on starts it.
listen-already-on = Listening is already on in { $ref }.
listen-already-off = Listening is already off in { $ref }.
listen-cannot-see =
    I cannot see this group's messages, only commands: Telegram hides them from a bot in privacy mode.
    To fix it, either make me an admin of this group, or ask the bot's operator to open @BotFather, send /setprivacy, choose this bot and "Disable", then remove me from the group and add me again. Then write /listen on again.
listen-on-group =
    👂 A coordinator turned on listening in this group. I now read the messages here to help coordinators: a need, an offer or people in danger becomes a note for coordinators, sent to them privately, and a person checks it before anything happens. Nothing is posted back here.
    To stop it, a coordinator writes /listen off (ask one of them).
listen-off-group = 👂 Listening is off: I no longer read the messages in this group.

listen-draft-coordinators =
    📝 Draft { $ref } ({ $kind }) read in group { $group }, area { $area }:
    Items: { $items } · People: { $people } · Where: { $where } · Contact: { $contact }
    Written by { $writer }:
    «{ $words }»
listen-draft-duplicate-coordinators =
    { listen-draft-coordinators }
    It may be the same as { $original }.
listen-danger-coordinators =
    🆘 People may be in danger: read in group { $group } ({ $area }) as { $ref }.
    Written by { $writer }:
    «{ $words }»
    People: { $people } · Where: { $where } · Contact: { $contact }
    Open a rescue case with one tap below (/draft { $ref } rescue), or say it is no danger.
listen-danger-escalated-coordinators =
    ⏰ ESCALATION { $level }: danger read in group { $group } ({ $area }) as { $ref } has waited { $minutes } minutes with no answer.
    Written by { $writer }:
    «{ $words }»
    Open a rescue case: /draft { $ref } rescue
listen-danger-escalated-group =
    ⏰ People may be in danger in { $area }: a report ({ $ref }) has waited { $minutes } minutes for a coordinator (alert { $level }). Coordinators: see your private messages.

draft-kind-need = need
draft-kind-offer = offer
draft-kind-danger = danger
draft-none = not said
draft-people-word = people
draft-status-pending = waiting
draft-status-confirmed = confirmed
draft-status-merged = merged
draft-status-discarded = discarded
draft-status-rescue = a rescue case
draft-choice-confirm = ✅ Confirm
draft-choice-edit = ✏️ Edit
draft-choice-merge = 🔗 Same as { $original }
draft-choice-discard = 🗑 Discard
draft-choice-rescue = 🆘 Open a rescue case
draft-choice-not-danger = No danger
draft-ref-invalid = "{ $text }" is not a draft. Drafts look like D-3.
draft-not-found = There is no draft { $ref }.
draft-decided = { $ref } was already handled: { $status } ({ $result }).
draft-merge-target = "{ $text }" is no draft or request to merge with. Write it like D-2 or R-5.
draft-edit-danger = { $ref } is about danger: open a rescue case (/draft { $ref } rescue) and correct the case itself.
draft-confirmed = ✅ { $ref } confirmed: { $result } is recorded, with its writer as the requester.
draft-rescue-opened = 🆘 { $ref }: rescue case { $result } is open, reported by the writer.
draft-merged = 🔗 { $ref } merged into { $original }.
draft-discarded = 🗑 { $ref } discarded.
draft-edit-how =
    To correct { $ref }, send it as /need would read it, for example:
    /draft { $ref } edit { $current }
draft-writer-request = A coordinator recorded what you wrote in the group as request { $ref }. Follow it with /status.
draft-writer-offer = A coordinator recorded what you offered in the group as { $ref }. See it with /myoffers.
draft-writer-rescue = A coordinator opened rescue case { $ref } from what you wrote in the group. Help is being arranged.
draft-list-empty = No drafts are waiting.
draft-list-title = Drafts waiting ({ $count }):
draft-list-line = { $ref } { $kind } · { $area } · { $items }
