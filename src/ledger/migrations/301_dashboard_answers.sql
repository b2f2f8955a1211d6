-- The dashboard's pages read the bot's answers to their coordinators from the outbox, in any process.
CREATE INDEX outbox_web ON outbox (id) WHERE transport = 'web';
