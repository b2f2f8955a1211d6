# /leave with tasks in hand (issue 14): asked first, then everyone waiting is told.
leave-confirm =
    You hold { $tasks }. If you leave now, the coordinators take { $tasks } back and the people waiting are told that their team changed.
    Leave now?
leave-confirm-yes = Yes, leave
leave-confirm-no = No, I stay
leave-confirm-invalid = Please answer yes or no.
leave-kept = You stay, and { $tasks } stays with you. Thank you!
leave-team-changed-reporter = The rescue team for your report { $ref } had to leave. The coordinators have been told and are finding another team now. Stay where you are if it is safe, keep your phone on, and share your location again if you move.
leave-team-changed-requester = The volunteer bringing your request { $ref } had to leave. The coordinators have been told and will find someone else.
leave-rescue-needs-team-group =
    🆘 Rescue { $ref } needs a team again: its team had to leave.
    { rescue-summary-group }
    Coordinators have the details.
