## Privacy: public contacts, replies moved to a private chat

cmd-publiccontact = register a hotline number that may reach groups (coordinators)
cmd-publiccontact-usage = /publiccontact add 0812-1111-2222 Posko Imogiri, /publiccontact list, /publiccontact remove 0812-1111-2222
publiccontact-added = { $number } ({ $label }) is now a public contact: it reaches groups as written. Every other phone number is still removed.
publiccontact-already = { $number } is already a public contact as { $label }. Nothing was changed.
publiccontact-removed = { $number } ({ $label }) is no longer a public contact: groups will not see it again.
publiccontact-unknown = { $number } is not a registered public contact. Nothing was changed.
publiccontact-none = No public contacts are registered. Add one with /publiccontact add NUMBER LABEL.
publiccontact-list = Public contacts ({ $count }):
    { $lines }


details-sent-privately = Details sent to you privately.
details-refused-not-a-person = That answer holds personal details, which I send only to a person's private chat, and this sender stands for the whole chat. Write to me from your own account.
