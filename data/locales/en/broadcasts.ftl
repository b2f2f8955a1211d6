topic-rescue = rescue
topic-supply = supply
topic-volunteers = volunteers
topic-sitrep = situation reports
target-everywhere = the whole region
target-area-unknown = I do not know the area "{ $area }". Use a name from the area list, e.g. Bantul or DIY/Bantul/Imogiri.
target-area-ambiguous = "{ $area }" could mean several areas: { $options }. Please write the full path.

cmd-register = make this group receive broadcasts: topics (rescue, supply, volunteers, sitrep, all) and an area
cmd-register-usage = /register rescue,supply Bantul
register-no-topics = Please name at least one topic: rescue, supply, volunteers, sitrep or all. Use it like this: { $usage }
register-created = This group is now { $ref }. It will receive: { $topics }, for { $area }.
register-updated = { $ref } updated. It will now receive: { $topics }, for { $area }.
