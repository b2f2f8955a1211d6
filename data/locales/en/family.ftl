## Safe and found: /safe, /find, /whofound, /missing, /missingcases, /found, /consent

cmd-safe = tell your family you are safe; they find it with your phone number
cmd-safe-usage = /safe [private] [message] [@ place], e.g. /safe at the mosque shelter @ Imogiri
cmd-find = is this person safe? their latest check-in, by their phone number
cmd-find-usage = /find 0812 3456 7890
cmd-whofound = who looked up your number with /find
cmd-whofound-usage = /whofound
cmd-missing = report a missing person (coordinators only see it)
cmd-missing-usage = /missing [name]
cmd-missingcases = open missing-person reports with possible matches (coordinators)
cmd-missingcases-usage = /missingcases
cmd-found = confirm a missing person was found in a check-in or a rescue case (coordinators)
cmd-found-usage = /found M-2 C-4, /found M-2 S-7
cmd-consent = answer whether a family may have your number
cmd-consent-usage = /consent M-2 yes

safe-ask-phone = Which phone number will your family look for you by? Share your contact or type the number. I remember it for next time.
safe-ask-place = Where are you? Share your location, write the place, or skip.
safe-ask-visibility = Who may find this?
safe-visibility-phone = Anyone who knows my number
safe-visibility-coordinators = Only the coordinators
safe-visibility-invalid = Please choose one of the two answers.
safe-recorded =
    Recorded that you are safe ({ $ref }, { $area }). Anyone who knows your number can now find it with /find; nobody can search by name.
    To keep it for coordinators only, send /safe private. /whofound shows who looked.
safe-recorded-private = Recorded that you are safe ({ $ref }, { $area }), for coordinators only. /whofound shows who looked.

find-found = Checked in as safe on { $at }, in { $area }. Their message: { $message }
find-none = There is no check-in under that number that you may see. It may come later: try again in a few hours, or send /missing to ask the coordinators.
find-too-many = You have looked up { $limit } numbers in the last hour. Please wait a little; if you are searching for many people, ask a coordinator.

whofound-no-number = You have not checked in yet, so I do not know your number. Send /safe first.
whofound-none = Nobody has looked up your number.
whofound-title = Your number was looked up { $count } times:
whofound-line = { $at } · { $who }
whofound-line-shown = { $at } · { $who } · saw your check-in

missing-ask-name = What is the missing person's name?
missing-ask-age = How old are they?
missing-age-child = Child (0-12)
missing-age-teen = Teenager (13-17)
missing-age-adult = Adult (18-59)
missing-age-elder = Elderly (60+)
missing-age-unknown = I don't know
missing-age-invalid = Please choose one of the answers.
missing-ask-place = Where were they last seen? Share a location, write the place, or skip.
missing-ask-when = When were they last seen? For example: yesterday 16:00. Or skip.
missing-ask-contact = A phone number for news? Share your contact, type it, or skip (then I write here).
missing-ask-description = Anything that helps recognise them (clothes, height)? Write it, or skip.
missing-text-invalid = Please write it in at most { $max } characters.
missing-created = Your report { $ref } about { $name } is with the coordinators only: it is never posted in groups or public pages. I will tell you as soon as there is news.
missing-new-coordinators =
    Missing person { $ref }: { $name } ({ $age }), last seen { $place }, { $when }.
    { $description }
    Possible matches:
    { $matches }
missing-case =
    { $ref }: { $name } ({ $age }), last seen { $place }, { $when }.
    { $matches }
missing-match-checkin = { $ref } { $name } checked in safe in { $area } on { $at } · { $command }
missing-match-rescue = rescue case { $ref } in { $area } · { $command }
missing-no-matches = no possible match yet
missingcases-none = No missing-person report is open.
missing-not-found = There is no report { $ref }.
missing-not-open = { $ref } is no longer open. Nothing was changed.
missing-checkin-not-found = There is no check-in { $ref }.
missing-rescue-not-found = There is no rescue case { $ref }.

found-done = { $ref } marked found in { $in }. The reporter is told.
found-reporter-checkin = Good news about { $ref }: { $name } may have been found safe. We have asked them whether we may give you their number, and will tell you their answer.
found-reporter-rescue = News about { $ref }: { $name } may be among the people of rescue case { $case }. A coordinator will contact you.
found-consent-ask = Someone is looking for you ({ $ref }) and a coordinator thinks it is you. May we give them your phone number?
found-consent-yes = Yes, give my number
found-consent-no = No
found-contact = { $name } ({ $ref }) agreed that you may have their number: { $phone }
found-no-contact = { $name } ({ $ref }) is safe but chose not to share their number. A coordinator can pass a message.
consent-given = Thank you. Your number goes to the person looking for you ({ $ref }).
consent-refused = Understood: your number is not shared ({ $ref }).
consent-not-yours = There is no question for you about that report.
consent-already = You have already answered that.
rescued-safe-offer = Everyone in { $ref } is safe. Record it so your families can find it with /find by your number?
rescued-safe-choice = Yes, record us as safe
