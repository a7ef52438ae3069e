CREATE TYPE "public"."space_request_kind" AS ENUM('demande', 'invitation');--> statement-breakpoint
CREATE TYPE "public"."space_request_status" AS ENUM('en_attente', 'acceptee', 'refusee', 'annulee');--> statement-breakpoint
CREATE TYPE "public"."decision_status" AS ENUM('adoptee', 'en_cours', 'realisee', 'ajournee', 'abandonnee');--> statement-breakpoint
CREATE TYPE "public"."production_kind" AS ENUM('referentiel', 'webinaire', 'cartographie', 'note', 'fiche', 'rapport', 'panorama', 'outil', 'autre');--> statement-breakpoint
CREATE TYPE "public"."action_status" AS ENUM('a_faire', 'en_cours', 'fait', 'abandonnee');--> statement-breakpoint
CREATE TYPE "public"."objective_kind" AS ENUM('strategique', 'operationnel');--> statement-breakpoint
ALTER TYPE "public"."page_visibility" ADD VALUE 'space';--> statement-breakpoint
CREATE TABLE "space_join_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"space_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" "space_request_kind" NOT NULL,
	"status" "space_request_status" DEFAULT 'en_attente' NOT NULL,
	"role" "space_role" DEFAULT 'membre' NOT NULL,
	"message" text,
	"contribution" text,
	"hours_per_month" integer,
	"charter_version" integer,
	"invited_by" uuid,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_message" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "charter_acceptances" (
	"user_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"accepted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "charter_acceptances_user_id_version_pk" PRIMARY KEY("user_id","version")
);
--> statement-breakpoint
CREATE TABLE "charter_versions" (
	"version" integer PRIMARY KEY NOT NULL,
	"page_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"summary" text,
	"published_by" uuid,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "page_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"page_id" uuid NOT NULL,
	"storage_key" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "page_revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"page_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"summary" text,
	"base_number" integer,
	"restored_from" integer,
	"author_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "space_activity" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"space_id" uuid,
	"actor_id" uuid,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"path" text NOT NULL,
	"visibility" "page_visibility" DEFAULT 'members' NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "space_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"space_id" uuid NOT NULL,
	"date" date NOT NULL,
	"decision" text NOT NULL,
	"details" text,
	"status" "decision_status" DEFAULT 'adoptee' NOT NULL,
	"event_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "space_productions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"space_id" uuid NOT NULL,
	"title" text NOT NULL,
	"kind" "production_kind" NOT NULL,
	"date" date,
	"date_precision" text DEFAULT 'day' NOT NULL,
	"description" text,
	"url" text,
	"storage_key" text,
	"file_name" text,
	"content_type" text,
	"file_size" integer,
	"visibility" "page_visibility" DEFAULT 'public' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "roadmap_action_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"action_id" uuid NOT NULL,
	"actor_id" uuid,
	"changes" jsonb NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "roadmap_action_owners" (
	"action_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "roadmap_action_owners_action_id_user_id_pk" PRIMARY KEY("action_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "roadmap_action_productions" (
	"action_id" uuid NOT NULL,
	"production_id" uuid NOT NULL,
	CONSTRAINT "roadmap_action_productions_action_id_production_id_pk" PRIMARY KEY("action_id","production_id")
);
--> statement-breakpoint
CREATE TABLE "roadmap_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"space_id" uuid NOT NULL,
	"objective_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"status" "action_status" DEFAULT 'a_faire' NOT NULL,
	"due_date" date,
	"done_at" timestamp with time zone,
	"position" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "space_objectives" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"space_id" uuid NOT NULL,
	"kind" "objective_kind" NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "pages" DROP CONSTRAINT "pages_slug_unique";--> statement-breakpoint
ALTER TABLE "space_members" ADD COLUMN "contribution" text;--> statement-breakpoint
ALTER TABLE "space_members" ADD COLUMN "hours_per_month" integer;--> statement-breakpoint
ALTER TABLE "spaces" ADD COLUMN "details_visibility" "page_visibility" DEFAULT 'members' NOT NULL;--> statement-breakpoint
ALTER TABLE "spaces" ADD COLUMN "open_to_requests" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "pages" ADD COLUMN "space_id" uuid;--> statement-breakpoint
ALTER TABLE "pages" ADD COLUMN "revision" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "pages" ADD COLUMN "created_by" uuid;--> statement-breakpoint
ALTER TABLE "pages" ADD COLUMN "updated_by" uuid;--> statement-breakpoint
ALTER TABLE "pages" ADD COLUMN "created_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "space_join_requests" ADD CONSTRAINT "space_join_requests_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "space_join_requests" ADD CONSTRAINT "space_join_requests_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "space_join_requests" ADD CONSTRAINT "space_join_requests_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "space_join_requests" ADD CONSTRAINT "space_join_requests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charter_acceptances" ADD CONSTRAINT "charter_acceptances_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charter_acceptances" ADD CONSTRAINT "charter_acceptances_version_charter_versions_version_fk" FOREIGN KEY ("version") REFERENCES "public"."charter_versions"("version") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charter_versions" ADD CONSTRAINT "charter_versions_page_id_pages_id_fk" FOREIGN KEY ("page_id") REFERENCES "public"."pages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charter_versions" ADD CONSTRAINT "charter_versions_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "page_attachments" ADD CONSTRAINT "page_attachments_page_id_pages_id_fk" FOREIGN KEY ("page_id") REFERENCES "public"."pages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "page_attachments" ADD CONSTRAINT "page_attachments_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "page_revisions" ADD CONSTRAINT "page_revisions_page_id_pages_id_fk" FOREIGN KEY ("page_id") REFERENCES "public"."pages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "page_revisions" ADD CONSTRAINT "page_revisions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "space_activity" ADD CONSTRAINT "space_activity_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "space_activity" ADD CONSTRAINT "space_activity_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "space_decisions" ADD CONSTRAINT "space_decisions_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "space_decisions" ADD CONSTRAINT "space_decisions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "space_productions" ADD CONSTRAINT "space_productions_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "space_productions" ADD CONSTRAINT "space_productions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_action_changes" ADD CONSTRAINT "roadmap_action_changes_action_id_roadmap_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."roadmap_actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_action_changes" ADD CONSTRAINT "roadmap_action_changes_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_action_owners" ADD CONSTRAINT "roadmap_action_owners_action_id_roadmap_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."roadmap_actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_action_owners" ADD CONSTRAINT "roadmap_action_owners_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_action_productions" ADD CONSTRAINT "roadmap_action_productions_action_id_roadmap_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."roadmap_actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_action_productions" ADD CONSTRAINT "roadmap_action_productions_production_id_space_productions_id_fk" FOREIGN KEY ("production_id") REFERENCES "public"."space_productions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_actions" ADD CONSTRAINT "roadmap_actions_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_actions" ADD CONSTRAINT "roadmap_actions_objective_id_space_objectives_id_fk" FOREIGN KEY ("objective_id") REFERENCES "public"."space_objectives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_actions" ADD CONSTRAINT "roadmap_actions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "space_objectives" ADD CONSTRAINT "space_objectives_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "space_join_requests_pending_idx" ON "space_join_requests" USING btree ("space_id","user_id") WHERE "space_join_requests"."status" = 'en_attente';--> statement-breakpoint
CREATE INDEX "space_join_requests_user_idx" ON "space_join_requests" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "page_attachments_page_idx" ON "page_attachments" USING btree ("page_id");--> statement-breakpoint
CREATE UNIQUE INDEX "page_revisions_page_number_idx" ON "page_revisions" USING btree ("page_id","number");--> statement-breakpoint
CREATE INDEX "space_activity_space_at_idx" ON "space_activity" USING btree ("space_id","at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "space_decisions_space_idx" ON "space_decisions" USING btree ("space_id","date");--> statement-breakpoint
CREATE INDEX "space_productions_space_idx" ON "space_productions" USING btree ("space_id","date");--> statement-breakpoint
CREATE INDEX "roadmap_action_changes_action_idx" ON "roadmap_action_changes" USING btree ("action_id","at");--> statement-breakpoint
CREATE INDEX "roadmap_actions_objective_idx" ON "roadmap_actions" USING btree ("objective_id","position");--> statement-breakpoint
CREATE INDEX "roadmap_actions_space_idx" ON "roadmap_actions" USING btree ("space_id");--> statement-breakpoint
CREATE INDEX "space_objectives_space_idx" ON "space_objectives" USING btree ("space_id","position");--> statement-breakpoint
ALTER TABLE "pages" ADD CONSTRAINT "pages_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pages" ADD CONSTRAINT "pages_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pages" ADD CONSTRAINT "pages_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "pages_slug_root_idx" ON "pages" USING btree ("slug") WHERE "pages"."space_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "pages_slug_space_idx" ON "pages" USING btree ("space_id","slug") WHERE "pages"."space_id" is not null;--> statement-breakpoint
-- Pages written before revisions existed get their content as revision 1.
INSERT INTO "page_revisions" ("page_id", "number", "title", "body", "summary", "created_at")
SELECT "id", 1, "title", "body", 'Version initiale', "updated_at" FROM "pages";
