-- The objectives written as arrays on spaces become rows of the roadmap, in the same order.
INSERT INTO "space_objectives" ("space_id", "kind", "title", "position")
SELECT s."id", 'strategique', o.title, o.n - 1
FROM "spaces" s, unnest(s."strategic_objectives") WITH ORDINALITY AS o(title, n);--> statement-breakpoint
INSERT INTO "space_objectives" ("space_id", "kind", "title", "position")
SELECT s."id", 'operationnel', o.title, o.n - 1
FROM "spaces" s, unnest(s."operational_objectives") WITH ORDINALITY AS o(title, n);--> statement-breakpoint
ALTER TABLE "spaces" DROP COLUMN "strategic_objectives";--> statement-breakpoint
ALTER TABLE "spaces" DROP COLUMN "operational_objectives";