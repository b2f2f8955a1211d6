-- Who may read an outbound message that carries personal data (`self`, `assignee`, `coordinators`);
-- NULL for a public one. The outbox refuses a personal row for anything but a private chat.
ALTER TABLE outbox ADD COLUMN personal_for TEXT;
