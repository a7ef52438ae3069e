CREATE TABLE "carto_edit_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"fiche_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "carto_edit_links_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "carto_fiche_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"fiche_id" uuid NOT NULL,
	"data" jsonb NOT NULL,
	"status" text DEFAULT 'en_attente' NOT NULL,
	"message" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "carto_fiche_changes_status" CHECK ("carto_fiche_changes"."status" in ('en_attente', 'approuvee', 'refusee'))
);
--> statement-breakpoint
CREATE TABLE "carto_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_by" uuid,
	"filename" text NOT NULL,
	"status" text DEFAULT 'analysee' NOT NULL,
	"target_status" text DEFAULT 'en_attente' NOT NULL,
	"mapping" jsonb,
	"total_rows" integer DEFAULT 0 NOT NULL,
	"processed_rows" integer DEFAULT 0 NOT NULL,
	"created_count" integer DEFAULT 0 NOT NULL,
	"report" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "carto_moderator" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "carto_fiches" ADD COLUMN "last_reminded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "carto_edit_links" ADD CONSTRAINT "carto_edit_links_fiche_id_carto_fiches_id_fk" FOREIGN KEY ("fiche_id") REFERENCES "public"."carto_fiches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "carto_fiche_changes" ADD CONSTRAINT "carto_fiche_changes_fiche_id_carto_fiches_id_fk" FOREIGN KEY ("fiche_id") REFERENCES "public"."carto_fiches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "carto_fiche_changes" ADD CONSTRAINT "carto_fiche_changes_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "carto_imports" ADD CONSTRAINT "carto_imports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "carto_edit_links_fiche_idx" ON "carto_edit_links" USING btree ("fiche_id");--> statement-breakpoint
CREATE INDEX "carto_fiche_changes_status_idx" ON "carto_fiche_changes" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "carto_fiche_changes_fiche_idx" ON "carto_fiche_changes" USING btree ("fiche_id");