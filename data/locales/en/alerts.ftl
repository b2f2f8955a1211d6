cmd-alert = a public warning for an area (CAP alert): to its groups, the public channel and the alert feed (coordinators)
cmd-alert-usage = /alert Bantul The Opak river is rising: move to higher ground now
alert-no-text = What should the warning say, and for which area? Use it like this: { $usage }
alert-no-area = An alert is for one area. Use it like this: { $usage }
alert-ask-urgency = How urgent is it? Choose, or answer skip to keep { $level }.
alert-ask-severity = How severe is the threat? Choose, or answer skip to keep { $level }.
alert-ask-certainty = How certain is it? Choose, or answer skip to keep { $level }.
alert-level-invalid = Please choose one of the buttons, or answer skip.
alert-confirm =
    The public will read this warning for { $area } ({ $urgency }, { $severity }, { $certainty }){ $removed ->
        [0] {""}
        [one] {" "}(I took out 1 phone number, exact location or private link)
       *[other] {" "}(I took out { $removed } phone numbers, exact locations or private links)
    }:

    { $text }

    { $hints ->
        [none] {""}
       *[other] It still seems to hold personal details: { $hints }. An alert is public; write those to the people concerned instead.{" "}
    }Send it? Answer yes or no.
alert-confirm-invalid = Please answer yes to send the warning as shown, or no to drop it.
alert-dropped = Nothing was sent. Write the warning again if you need to.
alert-confirm-in-private = This warning needs your confirmation before it goes (the text had personal details, or looks as if it has). Send it from a private chat with me. Nothing was sent.
alert-twin = { $ref } with the same text went out for this area less than { $minutes } minutes ago. I did not send it again.
alert-issued = { $ref } is out for { $area } ({ $urgency }, { $severity }, { $certainty }): on its way to { $groups } groups{ $feed ->
        [yes] {" "}and on the public page's alert feed (CAP).
       *[other] .
    }
alert-post =
    ⚠️ WARNING for { $area } ({ $urgency }, { $severity }, { $certainty })

    { $text }
cap-immediate = act now
cap-expected = act within the hour
cap-future = act in the near future
cap-past = no longer needed
cap-extreme = extreme threat
cap-severe = severe threat
cap-moderate = moderate threat
cap-minor = minor threat
cap-observed = observed
cap-likely = likely
cap-possible = possible
cap-unlikely = unlikely
public-alerts = Warnings
public-feed-alerts = CAP 1.2: coordinators' warnings (an Atom index; each warning as a CAP message)
alert-cap-event = Public warning
alert-cap-headline = Warning for { $area }: { $text }
