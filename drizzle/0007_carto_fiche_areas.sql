CREATE TABLE "carto_fiche_areas" (
	"fiche_id" uuid PRIMARY KEY NOT NULL,
	"departements" text[] NOT NULL,
	"regions" text[] NOT NULL
);
--> statement-breakpoint
ALTER TABLE "carto_fiche_areas" ADD CONSTRAINT "carto_fiche_areas_fiche_id_carto_fiches_id_fk" FOREIGN KEY ("fiche_id") REFERENCES "public"."carto_fiches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "carto_fiche_areas_departements_idx" ON "carto_fiche_areas" USING gin ("departements");--> statement-breakpoint
CREATE INDEX "carto_fiche_areas_regions_idx" ON "carto_fiche_areas" USING gin ("regions");--> statement-breakpoint
-- The départements and régions of the given fiches, from their address and their territory of
-- intervention (communes, EPCI, départements, régions; national: every département).
CREATE FUNCTION carto_refresh_fiche_areas(ids uuid[]) RETURNS void LANGUAGE sql AS $$
	WITH f AS (SELECT id, commune_code, national FROM carto_fiches WHERE id = ANY(ids)),
	t AS (SELECT fiche_id, kind, code FROM carto_fiche_territories WHERE fiche_id = ANY(ids)),
	areas (fiche_id, dep, reg) AS (
		SELECT f.id, g.departement_code, g.region_code
		FROM f JOIN geo_communes g ON g.code = f.commune_code
		UNION ALL SELECT t.fiche_id, g.departement_code, g.region_code
		FROM t JOIN geo_communes g ON g.code = t.code WHERE t.kind = 'commune'
		UNION ALL SELECT t.fiche_id, g.departement_code, g.region_code
		FROM t JOIN geo_communes g ON g.epci_code = t.code WHERE t.kind = 'epci'
		UNION ALL SELECT t.fiche_id, d.code, d.region_code
		FROM t JOIN geo_departements d ON d.code = t.code WHERE t.kind = 'departement'
		UNION ALL SELECT t.fiche_id, d.code, d.region_code
		FROM t JOIN geo_departements d ON d.region_code = t.code WHERE t.kind = 'region'
		UNION ALL SELECT t.fiche_id, NULL, t.code FROM t WHERE t.kind = 'region'
		UNION ALL SELECT f.id, d.code, d.region_code
		FROM f CROSS JOIN geo_departements d WHERE f.national
	)
	INSERT INTO carto_fiche_areas (fiche_id, departements, regions)
	SELECT f.id,
		coalesce(array_agg(DISTINCT a.dep) FILTER (WHERE a.dep IS NOT NULL), '{}'),
		coalesce(array_agg(DISTINCT a.reg) FILTER (WHERE a.reg IS NOT NULL), '{}')
	FROM f LEFT JOIN areas a ON a.fiche_id = f.id
	GROUP BY f.id
	ON CONFLICT (fiche_id) DO UPDATE
		SET departements = excluded.departements, regions = excluded.regions
$$;--> statement-breakpoint
CREATE FUNCTION carto_fiches_areas_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'INSERT' THEN
		PERFORM carto_refresh_fiche_areas(ARRAY(SELECT id FROM new_rows));
	ELSE
		PERFORM carto_refresh_fiche_areas(ARRAY(
			SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
			WHERE n.commune_code IS DISTINCT FROM o.commune_code OR n.national IS DISTINCT FROM o.national
		));
	END IF;
	RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION carto_fiche_territories_areas_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'INSERT' THEN
		PERFORM carto_refresh_fiche_areas(ARRAY(SELECT DISTINCT fiche_id FROM new_rows));
	ELSIF TG_OP = 'DELETE' THEN
		PERFORM carto_refresh_fiche_areas(ARRAY(SELECT DISTINCT fiche_id FROM old_rows));
	ELSE
		PERFORM carto_refresh_fiche_areas(ARRAY(
			SELECT fiche_id FROM new_rows UNION SELECT fiche_id FROM old_rows
		));
	END IF;
	RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER carto_fiches_areas_insert AFTER INSERT ON carto_fiches
	REFERENCING NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION carto_fiches_areas_trigger();--> statement-breakpoint
CREATE TRIGGER carto_fiches_areas_update AFTER UPDATE ON carto_fiches
	REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
	FOR EACH STATEMENT EXECUTE FUNCTION carto_fiches_areas_trigger();--> statement-breakpoint
CREATE TRIGGER carto_fiche_territories_areas_insert AFTER INSERT ON carto_fiche_territories
	REFERENCING NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION carto_fiche_territories_areas_trigger();--> statement-breakpoint
CREATE TRIGGER carto_fiche_territories_areas_delete AFTER DELETE ON carto_fiche_territories
	REFERENCING OLD TABLE AS old_rows
	FOR EACH STATEMENT EXECUTE FUNCTION carto_fiche_territories_areas_trigger();--> statement-breakpoint
CREATE TRIGGER carto_fiche_territories_areas_update AFTER UPDATE ON carto_fiche_territories
	REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
	FOR EACH STATEMENT EXECUTE FUNCTION carto_fiche_territories_areas_trigger();--> statement-breakpoint
-- Existing fiches.
SELECT carto_refresh_fiche_areas(ARRAY(SELECT id FROM carto_fiches));
