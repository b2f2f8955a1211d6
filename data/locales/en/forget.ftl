## Forgetting a person (/forget): their personal data erased at once, after one yes/no question

cmd-forget = erase your personal data from the bot (name, number, addresses, messages)
cmd-forget-usage = /forget
forget-ask =
    This erases at once what the bot keeps about you: your name, your number, the contacts and addresses you gave, the exact places of your reports, your volunteer details and your messages. Your open supply requests are cancelled. A rescue you reported that is still in progress stays open for the rescue team, with its location, but nothing links it to you any more. This cannot be undone.
    Erase your data now?
forget-yes = Yes, erase it
forget-no = No, keep it
forget-invalid = Please answer with one of the buttons: yes to erase your data, or no to keep it.
forget-kept = Nothing was erased. You can ask again with /forget at any time.
forget-done =
    Your personal data is erased.{ $cancelledCount ->
        [0] {""}
        [one] {" "}Your supply request { $cancelled } is cancelled.
       *[other] {" "}Your supply requests { $cancelled } are cancelled.
    }{ $rescueCount ->
        [0] {""}
        [one] {" "}Your rescue report { $rescues } is still in progress: it stays open for the rescue team with its location, but nothing links it to you any more and you will get no news of it. If you still need help, send SOS again.
       *[other] {" "}Your rescue reports { $rescues } are still in progress: they stay open for the rescue team with their locations, but nothing links them to you any more and you will get no news of them. If you still need help, send SOS again.
    }
    If you write again, the bot will not know you.
forget-coordinators =
    A person asked to be forgotten; their personal data is erased.{ $rescueCount ->
        [0] {""}
       *[other] {" "}Still in progress and kept, without reporter or contact: { $rescues }.
    }{ $releasedCount ->
        [0] {""}
       *[other] {" "}They were a volunteer; back in the pool: { $released }.
    }
