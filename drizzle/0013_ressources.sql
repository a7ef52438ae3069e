CREATE TYPE "public"."resource_kind" AS ENUM('webinaire', 'rapport', 'fiche', 'referentiel', 'outil', 'article', 'compte-rendu', 'video');--> statement-breakpoint
CREATE TYPE "public"."resource_text_status" AS ENUM('none', 'pending', 'indexed', 'failed', 'unsupported');--> statement-breakpoint
CREATE TABLE "resource_authors" (
	"resource_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"user_id" uuid,
	"structure_id" uuid,
	CONSTRAINT "resource_authors_resource_id_position_pk" PRIMARY KEY("resource_id","position")
);
--> statement-breakpoint
CREATE TABLE "resource_productions" (
	"resource_id" uuid NOT NULL,
	"production_id" uuid NOT NULL,
	CONSTRAINT "resource_productions_resource_id_production_id_pk" PRIMARY KEY("resource_id","production_id")
);
--> statement-breakpoint
CREATE TABLE "resource_spaces" (
	"resource_id" uuid NOT NULL,
	"space_id" uuid NOT NULL,
	CONSTRAINT "resource_spaces_resource_id_space_id_pk" PRIMARY KEY("resource_id","space_id")
);
--> statement-breakpoint
CREATE TABLE "resources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"kind" "resource_kind" NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"published_on" date,
	"themes" text[] DEFAULT '{}' NOT NULL,
	"tags" text[] DEFAULT '{}' NOT NULL,
	"tags_text" text DEFAULT '' NOT NULL,
	"external_url" text,
	"licence" text DEFAULT 'CC-BY-SA-4.0' NOT NULL,
	"language" text DEFAULT 'fr' NOT NULL,
	"visibility" "page_visibility" DEFAULT 'public' NOT NULL,
	"featured" boolean DEFAULT false NOT NULL,
	"file_key" text,
	"file_name" text,
	"file_type" text,
	"file_size" bigint,
	"thumbnail_key" text,
	"text_status" "resource_text_status" DEFAULT 'none' NOT NULL,
	"document_text" text,
	"text_extracted_at" timestamp with time zone,
	"text_error" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('fr_unaccent', coalesce(title, '')), 'A') || setweight(to_tsvector('fr_unaccent', coalesce(tags_text, '')), 'B') || setweight(to_tsvector('fr_unaccent', coalesce(description, '')), 'C') || setweight(to_tsvector('fr_unaccent', coalesce(document_text, '')), 'D')) STORED,
	CONSTRAINT "resources_slug_unique" UNIQUE("slug"),
	CONSTRAINT "resources_file_has_name" CHECK ("resources"."file_key" is null or "resources"."file_name" is not null)
);
--> statement-breakpoint
ALTER TABLE "resource_authors" ADD CONSTRAINT "resource_authors_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_authors" ADD CONSTRAINT "resource_authors_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_authors" ADD CONSTRAINT "resource_authors_structure_id_structures_id_fk" FOREIGN KEY ("structure_id") REFERENCES "public"."structures"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_productions" ADD CONSTRAINT "resource_productions_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_productions" ADD CONSTRAINT "resource_productions_production_id_space_productions_id_fk" FOREIGN KEY ("production_id") REFERENCES "public"."space_productions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_spaces" ADD CONSTRAINT "resource_spaces_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_spaces" ADD CONSTRAINT "resource_spaces_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resources" ADD CONSTRAINT "resources_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "resource_productions_production_idx" ON "resource_productions" USING btree ("production_id");--> statement-breakpoint
CREATE INDEX "resource_spaces_space_idx" ON "resource_spaces" USING btree ("space_id");--> statement-breakpoint
CREATE INDEX "resources_search_idx" ON "resources" USING gin ("search");--> statement-breakpoint
CREATE INDEX "resources_title_trgm_idx" ON "resources" USING gin ("title" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "resources_themes_idx" ON "resources" USING gin ("themes");--> statement-breakpoint
CREATE INDEX "resources_created_idx" ON "resources" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "resources_kind_idx" ON "resources" USING btree ("kind");--> statement-breakpoint
CREATE INDEX "resources_featured_idx" ON "resources" USING btree ("created_at" DESC NULLS LAST) WHERE "resources"."featured";