-- Services an offer names (issue 27: a truck, a boat, a public kitchen), as skill ids of the volunteer
-- catalog with an optional count: `[{"skill":"driver","qty":2}]`. Not personal: what is offered, not who.
ALTER TABLE offers ADD COLUMN services TEXT NOT NULL DEFAULT '[]';
