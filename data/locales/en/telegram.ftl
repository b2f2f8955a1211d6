# Labels of Telegram's share buttons (shown in every language at once: the button carries no language).
telegram-share-location = Share my location
telegram-share-contact = Share my number
