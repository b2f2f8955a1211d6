## Roles: /grant, /revoke, /whoami

cmd-grant = give someone a role (admins): /grant telegram:123 coordinator
cmd-grant-usage = /grant telegram:123 coordinator (or admin; a volunteer may be named V-4)
grant-done = Done: { $person } is now { $role ->
        [coordinator] coordinator
        [admin] an admin
        [volunteer] a volunteer
       *[anyone] without a special role
    }.
grant-already = { $person } is already { $role ->
        [coordinator] coordinator
        [admin] an admin
        [volunteer] a volunteer
       *[anyone] without a special role
    }. Nothing was changed.

cmd-revoke = take a granted role back (admins): /revoke telegram:123
cmd-revoke-usage = /revoke telegram:123
revoke-done = Done: { $person } is no longer { $role ->
        [coordinator] coordinator
        [admin] an admin
        [volunteer] a volunteer
       *[anyone] without a special role
    }.
revoke-nothing = { $person } has no granted role. Nothing was changed.
revoke-config-admin = { $person } is an admin by configuration (ADMINS). Change it there. Nothing was changed.

role-changed = Your role has changed: you are now { $role ->
        [coordinator] coordinator
        [admin] an admin
        [volunteer] a volunteer
       *[anyone] without a special role
    }. Send /help to see what you can do.
role-bad-target = Name the person as transport:id (for example telegram:123 or whatsapp:6281234567890@c.us) or as a volunteer reference like V-4. They can see theirs with /whoami.
role-unknown-volunteer = There is no volunteer { $ref }. Nothing was changed.
role-not-person-group = { $person } is a group or a channel, not a person: roles are held by persons only. Name the person by their own id (they see it with /whoami in a private chat with me). Nothing was changed.
role-not-person-channel = { $person } is a channel or a broadcast list, not a person: roles are held by persons only. Nothing was changed.
role-not-person-anonymous = { $person } stands for a whole chat (an anonymous group admin or a channel post), not a person: roles are held by persons only. Nothing was changed.
whoami-not-a-person = You are writing as the whole chat (an anonymous group admin or a channel), not as a person, so you cannot hold a role and I cannot send you anything private. Write to me from your own account to see your id.

cmd-whoami = how I know you: your id, role and language
cmd-whoami-usage = /whoami
whoami =
    You are { $person }.
    Volunteer: { $volunteer }
    Role: { $role }
    Language: { $language }

## Exports: /export

cmd-export = export records as a file (coordinators): /export requests hxl
cmd-export-usage = /export requests|rescues|volunteers|offers|posko|groups|broadcasts|events [csv|hxl|json|geojson] [--area Bantul] [--status verified] [--since 24h]
export-usage =
    I could not read that export ({ $problem }). Use it like this:
    /export requests hxl --area Bantul --since 24h
    What: requests, rescues, volunteers, offers, posko, groups, broadcasts, events. Format: csv, hxl, json, geojson (requests, rescues, volunteers, offers and posko only).
export-ready = Here is the export of { $what }: { $count ->
        [one] 1 record
       *[other] { $count } records
    }, as { $format }. Names, phone numbers, exact locations and free text (notes, addresses, reasons, items outside the catalog) are left out unless an admin asks for them.
export-ready-personal = Here is the export of { $what } WITH PERSONAL DATA: { $count ->
        [one] 1 record
       *[other] { $count } records
    }, as { $format }. It holds names, person ids, phone numbers, exact locations, addresses, notes and reasons. Keep it to people who need it and delete it when done: the bot's copy is removed within { $hours } hours, and at once when someone asks to be forgotten.
export-empty = There are no { $what } that match. No file was made.
export-personal-admin-only = Only an admin can export personal data (--include-personal). Nothing was exported.
export-unknown-area = I do not know the area "{ $area }" (or more than one has that name). Use its full path, like DIY/Bantul.
export-too-large = That export is too large to send in a chat. Narrow it with --area, --status or --since, or use npx relief-bot export on the server.

export-kind-requests = supply requests
export-kind-rescues = rescue cases
export-kind-volunteers = volunteers
export-kind-groups = groups
export-kind-broadcasts = broadcasts
export-kind-events = events
export-problem-what = say what to export
export-problem-format = the format is csv, hxl, json or geojson (geojson only for requests, rescues, volunteers, offers and posko)
export-problem-area = that export has no area
export-problem-status = that export has no status, or the status is unknown
export-problem-since = since takes a date like 2026-12-01 or a span like 24h or 7d
export-problem-other = there are words I do not understand
