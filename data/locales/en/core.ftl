language-name = English

start-welcome =
    Hello! I am the relief coordination bot. I keep track of who needs help and who can give it.
    Send /help to see what I can do. Choose your language:
cmd-start = welcome and language choice
cmd-start-usage = /start

cmd-help = what I can do for you
cmd-help-usage = /help
help-list =
    What you can do here:
    { $commands }

cmd-lang = choose your language: /lang en or /lang id
cmd-lang-usage = /lang en
lang-choose = Your language now: { $current }. Choose one:
lang-set = I will speak { $language } with you from now on.
lang-unknown = I do not know the language "{ $lang }". Available: { $languages }.

cmd-cancel = leave what you are doing now, or withdraw your request (/cancel R-12)
cmd-cancel-usage = /cancel, or /cancel R-12 to withdraw your request
cancel-done = Cancelled. Nothing more was saved. Send /help to start again.
cancel-nothing = There is nothing to cancel.

error-forbidden = Sorry, /{ $command } is only for a { $role }. Nothing was changed.
error-private-only = Please use /{ $command } in a private chat with me.
error-group-only = /{ $command } only works inside a group.
error-usage = I could not read that. Use it like this: { $usage }
error-internal = Sorry, something went wrong on my side. Your message is saved (reference { $ref }); a coordinator can look into it.
unknown-command = I do not know /{ $command }. Send /help to see what I can do.
unknown-command-suggest = I do not know /{ $command }. Did you mean /{ $suggestion }?
not-understood = I did not understand that. Send /help to see what I can do.
unsupported-kind = I can read text, shared locations, photos, voice notes and documents. Please write your message as text.
location-noted = I have noted your location. Send SOS if you need rescue, or /help for everything else.
flood-slow-down = You are sending many messages quickly. I have them all and will answer in about { $seconds } seconds.

role-anyone = anyone
role-volunteer = volunteer
role-coordinator = coordinator
role-admin = admin

# A dialog changed under the person in the middle of it (the bot was updated): it begins again.
dialog-restarted = Sorry: this conversation changed while you were in it (the bot was updated), so we start it again from the first question.
