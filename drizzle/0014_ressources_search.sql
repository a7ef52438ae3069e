DROP INDEX "resources_title_trgm_idx";--> statement-breakpoint
CREATE INDEX "resources_title_trgm_idx" ON "resources" USING gin (immutable_unaccent(lower("title")) gin_trgm_ops);