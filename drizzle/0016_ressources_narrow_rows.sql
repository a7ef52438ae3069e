CREATE INDEX "resources_date_idx" ON "resources" USING btree ("published_on" DESC NULLS LAST,"created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
-- Rows of resources stay narrow (the description and the tsvectors go to TOAST past 128 bytes),
-- so that counting the matches of a common word reads a small heap.
ALTER TABLE "resources" SET (toast_tuple_target = 128);