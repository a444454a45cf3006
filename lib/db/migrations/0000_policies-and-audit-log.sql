CREATE TABLE "audit_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"org" text NOT NULL,
	"at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"codespace" text,
	"member" text,
	"github_status" integer,
	"github_answer" text,
	"details" jsonb
);
--> statement-breakpoint
CREATE TABLE "organisation_policy_settings" (
	"org" text PRIMARY KEY NOT NULL,
	"webhook_url" text,
	"updated_by" text NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"settings" jsonb NOT NULL,
	"enabled" boolean DEFAULT false NOT NULL,
	"exemptions" jsonb DEFAULT '{"members":[],"codespaces":[]}'::jsonb NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policy_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"policy_id" uuid NOT NULL,
	"org" text NOT NULL,
	"started_at" timestamp (3) with time zone NOT NULL,
	"finished_at" timestamp (3) with time zone NOT NULL,
	"trigger" text NOT NULL,
	"outcome" text NOT NULL,
	"actions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"failures" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "policy_runs_trigger_check" CHECK ("policy_runs"."trigger" in ('schedule', 'run-now')),
	CONSTRAINT "policy_runs_outcome_check" CHECK ("policy_runs"."outcome" in ('succeeded', 'partly-failed', 'failed'))
);
--> statement-breakpoint
ALTER TABLE "policy_runs" ADD CONSTRAINT "policy_runs_policy_id_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."policies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_org_id_idx" ON "audit_log" USING btree ("org","id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "audit_log_org_actor_idx" ON "audit_log" USING btree ("org","actor");--> statement-breakpoint
CREATE INDEX "audit_log_org_action_idx" ON "audit_log" USING btree ("org","action");--> statement-breakpoint
CREATE UNIQUE INDEX "policies_org_name_key" ON "policies" USING btree ("org",lower("name"));--> statement-breakpoint
CREATE INDEX "policies_enabled_idx" ON "policies" USING btree ("enabled");--> statement-breakpoint
CREATE INDEX "policy_runs_policy_started_idx" ON "policy_runs" USING btree ("policy_id","started_at" DESC NULLS LAST);