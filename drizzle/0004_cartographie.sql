CREATE TYPE "public"."carto_fiche_status" AS ENUM('brouillon', 'en_attente', 'publiee', 'refusee', 'archivee');--> statement-breakpoint
CREATE TABLE "carto_fiche_revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"fiche_id" uuid NOT NULL,
	"data" jsonb NOT NULL,
	"author_id" uuid,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "carto_fiche_territories" (
	"fiche_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"code" text NOT NULL,
	CONSTRAINT "carto_fiche_territories_fiche_id_kind_code_pk" PRIMARY KEY("fiche_id","kind","code"),
	CONSTRAINT "carto_fiche_territories_kind" CHECK ("carto_fiche_territories"."kind" in ('commune', 'epci', 'departement', 'region'))
);
--> statement-breakpoint
CREATE TABLE "carto_fiches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"acronym" text,
	"short_description" text NOT NULL,
	"presentation" text,
	"siret" text,
	"address" text,
	"commune_code" text,
	"lat" double precision,
	"lon" double precision,
	"national" boolean DEFAULT false NOT NULL,
	"cooperation_kinds" text[] DEFAULT '{}'::text[] NOT NULL,
	"dimensions" text[] DEFAULT '{}'::text[] NOT NULL,
	"modalities" text[] DEFAULT '{}'::text[] NOT NULL,
	"stages" text[] DEFAULT '{}'::text[] NOT NULL,
	"cost" text,
	"methodologies" text,
	"needs_seen" text,
	"publics" text,
	"networks" text,
	"contact_email" text,
	"contact_email_public" boolean DEFAULT false NOT NULL,
	"contact_phone" text,
	"contact_phone_public" boolean DEFAULT false NOT NULL,
	"contact_website" text,
	"contact_website_public" boolean DEFAULT true NOT NULL,
	"status" "carto_fiche_status" DEFAULT 'brouillon' NOT NULL,
	"trusted" boolean DEFAULT false NOT NULL,
	"last_verified_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('fr_unaccent', coalesce(name, '') || ' ' || coalesce(acronym, '')), 'A') || setweight(to_tsvector('fr_unaccent', coalesce(short_description, '')), 'B') || setweight(to_tsvector('fr_unaccent', coalesce(presentation, '') || ' ' || coalesce(methodologies, '') || ' ' || coalesce(needs_seen, '')), 'C')) STORED,
	CONSTRAINT "carto_fiches_slug_unique" UNIQUE("slug"),
	CONSTRAINT "carto_fiches_short_description_length" CHECK (char_length("carto_fiches"."short_description") <= 280),
	CONSTRAINT "carto_fiches_point" CHECK (("carto_fiches"."lat" is null) = ("carto_fiches"."lon" is null))
);
--> statement-breakpoint
CREATE TABLE "carto_reference_items" (
	"list" text NOT NULL,
	"code" text NOT NULL,
	"label" text NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "carto_reference_items_list_code_pk" PRIMARY KEY("list","code")
);
--> statement-breakpoint
ALTER TABLE "carto_fiche_revisions" ADD CONSTRAINT "carto_fiche_revisions_fiche_id_carto_fiches_id_fk" FOREIGN KEY ("fiche_id") REFERENCES "public"."carto_fiches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "carto_fiche_revisions" ADD CONSTRAINT "carto_fiche_revisions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "carto_fiche_territories" ADD CONSTRAINT "carto_fiche_territories_fiche_id_carto_fiches_id_fk" FOREIGN KEY ("fiche_id") REFERENCES "public"."carto_fiches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "carto_fiche_revisions_fiche_idx" ON "carto_fiche_revisions" USING btree ("fiche_id","created_at");--> statement-breakpoint
CREATE INDEX "carto_fiche_territories_kind_code_idx" ON "carto_fiche_territories" USING btree ("kind","code");--> statement-breakpoint
CREATE INDEX "carto_fiches_search_idx" ON "carto_fiches" USING gin ("search");--> statement-breakpoint
CREATE INDEX "carto_fiches_status_idx" ON "carto_fiches" USING btree ("status");--> statement-breakpoint
CREATE INDEX "carto_fiches_commune_idx" ON "carto_fiches" USING btree ("commune_code");