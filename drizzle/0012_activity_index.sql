DROP INDEX "space_activity_space_at_idx";--> statement-breakpoint
CREATE INDEX "space_activity_space_at_idx" ON "space_activity" USING btree ("space_id","at" DESC NULLS FIRST,"id" DESC NULLS FIRST);