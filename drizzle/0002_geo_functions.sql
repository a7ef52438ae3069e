-- Geography module: distance extensions, and an IMMUTABLE unaccent usable in generated columns
-- and indexes (unaccent() itself is only STABLE because its dictionary could change).
CREATE EXTENSION IF NOT EXISTS cube;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS earthdistance;--> statement-breakpoint
CREATE OR REPLACE FUNCTION public.immutable_unaccent(text) RETURNS text
	LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
	AS $$ select public.unaccent('public.unaccent'::regdictionary, $1) $$;
