CREATE TYPE "public"."geo_commune_type" AS ENUM('commune', 'arrondissement');--> statement-breakpoint
CREATE TABLE "geo_commune_aliases" (
	"old_code" text PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"nom" text,
	"nom_search" text GENERATED ALWAYS AS (btrim(regexp_replace(lower(public.immutable_unaccent(nom)), '[^a-z0-9]+', ' ', 'g'))) STORED
);
--> statement-breakpoint
CREATE TABLE "geo_commune_postal_codes" (
	"postal_code" text NOT NULL,
	"commune_code" text NOT NULL,
	CONSTRAINT "geo_commune_postal_codes_postal_code_commune_code_pk" PRIMARY KEY("postal_code","commune_code")
);
--> statement-breakpoint
CREATE TABLE "geo_communes" (
	"code" text PRIMARY KEY NOT NULL,
	"nom" text NOT NULL,
	"type" "geo_commune_type" NOT NULL,
	"parent_code" text,
	"departement_code" text NOT NULL,
	"region_code" text NOT NULL,
	"epci_code" text,
	"codes_postaux" text[] DEFAULT '{}'::text[] NOT NULL,
	"population" integer,
	"lat" double precision,
	"lon" double precision,
	"point_source" text,
	"nom_search" text GENERATED ALWAYS AS (btrim(regexp_replace(lower(public.immutable_unaccent(nom)), '[^a-z0-9]+', ' ', 'g'))) STORED NOT NULL
);
--> statement-breakpoint
CREATE TABLE "geo_dataset" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"version" text NOT NULL,
	"loaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "geo_dataset_single_row" CHECK ("geo_dataset"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "geo_departements" (
	"code" text PRIMARY KEY NOT NULL,
	"nom" text NOT NULL,
	"region_code" text NOT NULL,
	"zone" text NOT NULL,
	"lat" double precision,
	"lon" double precision
);
--> statement-breakpoint
CREATE TABLE "geo_epcis" (
	"code" text PRIMARY KEY NOT NULL,
	"nom" text NOT NULL,
	"type" text NOT NULL,
	"population" integer
);
--> statement-breakpoint
CREATE TABLE "geo_regions" (
	"code" text PRIMARY KEY NOT NULL,
	"nom" text NOT NULL,
	"zone" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "geo_commune_aliases" ADD CONSTRAINT "geo_commune_aliases_code_geo_communes_code_fk" FOREIGN KEY ("code") REFERENCES "public"."geo_communes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "geo_commune_postal_codes" ADD CONSTRAINT "geo_commune_postal_codes_commune_code_geo_communes_code_fk" FOREIGN KEY ("commune_code") REFERENCES "public"."geo_communes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "geo_communes" ADD CONSTRAINT "geo_communes_departement_code_geo_departements_code_fk" FOREIGN KEY ("departement_code") REFERENCES "public"."geo_departements"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "geo_communes" ADD CONSTRAINT "geo_communes_region_code_geo_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."geo_regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "geo_communes" ADD CONSTRAINT "geo_communes_epci_code_geo_epcis_code_fk" FOREIGN KEY ("epci_code") REFERENCES "public"."geo_epcis"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "geo_departements" ADD CONSTRAINT "geo_departements_region_code_geo_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."geo_regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "geo_commune_aliases_nom_search_idx" ON "geo_commune_aliases" USING gin ("nom_search" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "geo_communes_departement_idx" ON "geo_communes" USING btree ("departement_code");--> statement-breakpoint
CREATE INDEX "geo_communes_epci_idx" ON "geo_communes" USING btree ("epci_code");--> statement-breakpoint
CREATE INDEX "geo_communes_nom_search_idx" ON "geo_communes" USING gin ("nom_search" gin_trgm_ops);