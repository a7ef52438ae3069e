CREATE EXTENSION IF NOT EXISTS unaccent;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
DO $$ BEGIN
	IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'fr_unaccent') THEN
		CREATE TEXT SEARCH CONFIGURATION fr_unaccent (COPY = french);
		ALTER TEXT SEARCH CONFIGURATION fr_unaccent
			ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
	END IF;
END $$;
