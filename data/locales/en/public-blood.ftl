public-blood = Blood needed now
public-blood-line = Blood { $group } at { $hospital } ({ $area }): { $found } of { $bags } donors found
public-blood-donor = Donors register privately with the bot (/donor) and are asked only when their group is needed nearby. Please share this page, not old forwarded messages.
