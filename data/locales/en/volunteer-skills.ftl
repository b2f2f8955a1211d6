# The skills question of /volunteer once a button was pressed (Telegram): several skills, then Done.
volunteer-ask-skills-more = Chosen so far: { $skills }. Press another to add or remove it, then Done.
volunteer-skills-none = Please choose at least one skill first.
