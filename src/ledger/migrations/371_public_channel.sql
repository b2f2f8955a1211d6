-- The public Telegram channel (PUBLIC_CHANNEL, issue 28) is a group row marked here: paced, followed
-- and marked unreachable like any group, and reached by every broadcast that is not for one group.
ALTER TABLE groups ADD COLUMN public_channel INTEGER NOT NULL DEFAULT 0;
