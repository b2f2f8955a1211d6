# A private message the bot gave up on, told to coordinators so someone reaches the person another way.
undelivered-notice = A message to { $to } could not be delivered ({ $reason ->
    [outside-window] they have not written for 24 hours and no approved WhatsApp template fits it
    [unreachable] they blocked the bot or cannot be reached on this number
   *[failed] the platform refused it
  }). Please reach them another way. It said:
  { $excerpt }
