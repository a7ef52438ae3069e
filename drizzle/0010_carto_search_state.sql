CREATE TABLE "carto_search_state" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
INSERT INTO "carto_search_state" ("id", "version") VALUES (1, 0);--> statement-breakpoint
-- Raises the version once per transaction. Called by deferred triggers, so at its commit:
-- readers see the new number only with the data it stands for, and the row is locked only
-- while the transaction commits. A savepoint rolled back takes its mark back with it.
CREATE FUNCTION carto_search_bump() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
	IF current_setting('carto.search_bumped', true) IS DISTINCT FROM 'on' THEN
		UPDATE carto_search_state SET version = version + 1 WHERE id = 1;
		PERFORM set_config('carto.search_bumped', 'on', true);
	END IF;
END $$;--> statement-breakpoint
-- A fiche counts when it is or was published and what the index reads of it changed.
CREATE FUNCTION carto_fiches_search_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF current_setting('carto.search_bumped', true) = 'on' THEN
		RETURN NULL;
	ELSIF TG_OP = 'INSERT' THEN
		IF NEW.status = 'publiee' THEN PERFORM carto_search_bump(); END IF;
	ELSIF TG_OP = 'DELETE' THEN
		IF OLD.status = 'publiee' THEN PERFORM carto_search_bump(); END IF;
	ELSIF (NEW.status = 'publiee' OR OLD.status = 'publiee') AND (
		NEW.status IS DISTINCT FROM OLD.status
		OR NEW.name IS DISTINCT FROM OLD.name
		OR NEW.lat IS DISTINCT FROM OLD.lat OR NEW.lon IS DISTINCT FROM OLD.lon
		OR NEW.national IS DISTINCT FROM OLD.national
		OR NEW.cooperation_kinds IS DISTINCT FROM OLD.cooperation_kinds
		OR NEW.dimensions IS DISTINCT FROM OLD.dimensions
		OR NEW.modalities IS DISTINCT FROM OLD.modalities
		OR NEW.stages IS DISTINCT FROM OLD.stages
		OR NEW.cost IS DISTINCT FROM OLD.cost) THEN
		PERFORM carto_search_bump();
	END IF;
	RETURN NULL;
END $$;--> statement-breakpoint
-- The départements and régions of a published fiche (written by carto_refresh_fiche_areas).
CREATE FUNCTION carto_fiche_areas_search_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF current_setting('carto.search_bumped', true) IS DISTINCT FROM 'on' AND EXISTS (
		SELECT 1 FROM carto_fiches WHERE id = NEW.fiche_id AND status = 'publiee'
	) THEN
		PERFORM carto_search_bump();
	END IF;
	RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION carto_search_truncate_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM carto_search_bump();
	RETURN NULL;
END $$;--> statement-breakpoint
CREATE CONSTRAINT TRIGGER carto_fiches_search_version
	AFTER INSERT OR UPDATE OR DELETE ON carto_fiches DEFERRABLE INITIALLY DEFERRED
	FOR EACH ROW EXECUTE FUNCTION carto_fiches_search_trigger();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER carto_fiche_areas_search_version
	AFTER INSERT OR UPDATE ON carto_fiche_areas DEFERRABLE INITIALLY DEFERRED
	FOR EACH ROW EXECUTE FUNCTION carto_fiche_areas_search_trigger();--> statement-breakpoint
CREATE TRIGGER carto_fiches_search_truncate AFTER TRUNCATE ON carto_fiches
	FOR EACH STATEMENT EXECUTE FUNCTION carto_search_truncate_trigger();
