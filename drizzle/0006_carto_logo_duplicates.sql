ALTER TABLE "carto_fiches" ADD COLUMN "logo_path" text;--> statement-breakpoint
CREATE INDEX "carto_fiches_siret_idx" ON "carto_fiches" USING btree ("siret");--> statement-breakpoint
CREATE INDEX "carto_fiches_name_trgm_idx" ON "carto_fiches" USING gin (immutable_unaccent(lower("name")) gin_trgm_ops);