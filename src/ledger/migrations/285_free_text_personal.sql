-- A person's words leave the hashed payload of stored events for their erasable personal part (code step
-- in src/ledger/free-text-rechain.ts); the chain is linked again and a transition event keeps the old head.
SELECT 1;
