# One reporter, one window (issue 23): what one person's rescue reports changed in the last minutes, in
# one post per group; each line is the case's message as it would have gone alone.
rescue-coalesced-group = 🔁 Latest from one person's rescue reports, gathered in one post:
rescue-updated-group =
    ℹ️ Rescue { $ref }: details added.
    { rescue-summary-group }
