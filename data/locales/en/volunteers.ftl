## Volunteers: sign-up, availability, tasks (issue 3)

skill-medical = medical
skill-sar = rescue (SAR)
skill-boat = boat
skill-driver = driver with vehicle
skill-logistics = logistics
skill-cooking = cooking
skill-shelter = shelter
skill-translation = translation
skill-counselling = counselling
skill-other = other

spoken-id = Indonesian
spoken-en = English
spoken-jv = Javanese
spoken-su = Sundanese

choice-yes = Yes
choice-no = No

cmd-volunteer = sign up as a volunteer (again to change your details)
cmd-volunteer-usage = /volunteer
volunteer-ask-name = Thank you for helping! What is your name?
volunteer-bad-name = Please write your name as text (up to 80 characters).
volunteer-ask-skills = What can you do? Choose all that apply (press them, or reply with their numbers, e.g. 1,3).
volunteer-bad-skills = I could not match "{ $answer }" to the list. Use the numbers or names from the list, separated by commas.
volunteer-ask-area = Where can you help? Choose an area, write the name of your district or village, or share your location.
volunteer-area-unknown = I do not know the area "{ $answer }". Try a district name such as { $example }, or share your location.
volunteer-area-ambiguous = Several areas are called "{ $answer }": { $options }. Please write the full name.
volunteer-ask-languages = Which languages do you speak? Reply with one or more numbers, e.g. 1,3
volunteer-bad-languages = I could not match "{ $answer }" to the list. Use the numbers from the list, separated by commas.
volunteer-ask-phone = May coordinators and the people you help call you? Share your phone number with the button (or type it), or choose No.
volunteer-ask-phone-whatsapp = May coordinators and the people you help call you on this number ({ $phone })?
volunteer-bad-phone = Please share your own number with the button, type it (e.g. +62812...), or choose No.
volunteer-phone-not-own = That is someone else's contact. Please share your own number, or choose No.
volunteer-registered =
    Welcome, { $name }! You are volunteer { $ref }.
    Skills: { $skills }. Area: { $area }. Phone shared: { $phone }.
    Next: /tasks shows open tasks near you, /take R-12 takes one, /done R-12 when it is finished.
    Send /off when you cannot help and /available when you can again.
volunteer-updated =
    Thank you, { $name }: your details as volunteer { $ref } are updated and you are available.
    Skills: { $skills }. Area: { $area }. Phone shared: { $phone }.
    Send /tasks to see open tasks near you.
volunteer-no-area = not given
volunteer-not-registered = You are not signed up as a volunteer. Send /volunteer to sign up.

cmd-available = say you can help now (optionally where: /available Imogiri)
cmd-available-usage = /available or /available Imogiri or /available -7.90,110.40
volunteer-available = You are available, { $ref }. Send /tasks to see open tasks near you.
volunteer-available-at = You are available in { $area }, { $ref }. Send /tasks to see open tasks near you.

cmd-off = say you cannot help for now
cmd-off-usage = /off
volunteer-off = You are off for now, { $ref }. Nobody will send you tasks. Send /available when you can help again.

cmd-leave = stop being a volunteer (your phone number is erased)
cmd-leave-usage = /leave
volunteer-left = You have left, { $ref }. Your phone number is erased. Thank you for your help! Send /volunteer to come back.
volunteer-left-released = { $ref } left the volunteers. These tasks are open again: { $tasks }

cmd-volunteers = list volunteers by area, skill and availability
cmd-volunteers-usage = /volunteers [area] [skill] [available|off]
volunteers-list =
    Volunteers{ $filter }: { $total }
    { $lines }
volunteers-more = … and { $more } more. Narrow the list with an area or a skill.
volunteers-none = No volunteers{ $filter }.
volunteers-available = available
volunteers-off = off
volunteers-no-phone = no phone
volunteers-bad-filter = I could not read "{ $word }". Use an area, a skill ({ $skills }), available or off.

cmd-tasks = open tasks near you
cmd-tasks-usage = /tasks
tasks-list =
    Open tasks near you, nearest first. Send /take and the number to take one (e.g. /take { $first }):
tasks-none = No open tasks near you right now. Thank you for standing by!
tasks-no-place = I do not know where you are. Send /available with your area (e.g. /available Imogiri) or share your location with /volunteer.
tasks-km = { $km } km
tasks-km-approx = about { $km } km
tasks-same-area = in your area
tasks-needs = needs { $skills }
task-request-line = { $ref } supplies: { $items } · { $area } · { $distance }
task-request-line-group = { $ref } supplies: { $items } · { $area }
task-rescue-line = { $ref } RESCUE{ $conditions } · { people-n } · { $area } · { $distance }{ $needs }
task-rescue-line-group = { $ref } RESCUE{ $conditions } · { people-n } · { $area }{ $needs }

cmd-take = take a task: /take R-12 or /take S-3
cmd-take-usage = /take R-12
cmd-done = report a task finished: /done R-12
cmd-done-usage = /done R-12
task-bad-ref = Please give the task's number, e.g. /take R-12 or /take S-3.
task-not-found = There is no task { $ref }.
task-taken-by = Sorry, { $ref } is already taken by volunteer { $volunteer }. Send /tasks for others.
task-already-yours = You already have { $ref }. Send /done { $ref } when it is finished.
task-not-open = { $ref } is not open for taking (it is { $status }).
task-not-yours = { $ref } is not assigned to you, so you cannot finish it.
task-already-done = { $ref } is already finished.
task-taken-request =
    { $ref } is yours. Please deliver: { $itemsAsWritten }{ $people }
    Where: { $where }
    Contact: { $contact }
    Notes: { $notes }
    Send /done { $ref } when it is delivered.
task-taken-rescue =
    { $ref } is yours. Rescue { people-n }{ $conditions }.
    Where: { $where }
    Contact: { $contact }
    Notes: { $notes }
    Send /done { $ref } when they are safe.
task-people = , for { $count } people
task-no-contact = none given
task-unknown-place = not known
notify-request-assigned = Help is on the way: volunteer { $volunteer } ({ $name }) is bringing what you asked for in { $ref }.
notify-rescue-assigned = Help is on the way: volunteer { $volunteer } ({ $name }) is coming for { $ref }. Stay where you are if it is safe.
announce-task-taken = { $ref } ({ $area }) is taken by volunteer { $volunteer }.
task-done-request = Thank you! { $ref } is marked delivered.
task-done-rescue = Thank you! { $ref } is marked rescued.
notify-request-delivered = { $ref } is marked delivered by volunteer { $volunteer }. If something is still missing, send /need again.
notify-rescue-rescued = { $ref } is marked rescued by volunteer { $volunteer }. Stay safe.
volunteer-donor-offer = One more thing, if you like: would you give blood when a hospital nearby needs your group? Only with your consent, and you can stop any time.
volunteer-donor-yes = Register as blood donor
