# One reporter cannot fill a group (issue 14): their opens and all-clears of a few minutes in one post.
rescue-coalesced-group =
    🔁 Rescue: { $changes } reports and all-clears from one person in the last minutes, in one post.
    { $open ->
        [none] None of their reports is open now.
       *[other] Open now: { $open }.
    }{ $safe ->
        [none] {""}
       *[other] {" "}Safe now: { $safe }.
    }
    Latest, { $ref }: { rescue-summary-group }
