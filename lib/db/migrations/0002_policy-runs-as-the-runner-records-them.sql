-- Runs are recorded as the policy runner makes them (lib/policies/ports.ts: PolicyRunRecord). No
-- build ever recorded a run in the earlier shape (nothing ran policies), so the table is replaced.
DROP TABLE "policy_runs" CASCADE;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "display_name" text;--> statement-breakpoint
ALTER TABLE "policies" ADD COLUMN "last_evaluated_at" timestamp (3) with time zone;--> statement-breakpoint
CREATE TABLE "policy_runs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"policy_id" uuid NOT NULL,
	"org" text NOT NULL,
	"policy_name" text NOT NULL,
	"kind" text NOT NULL,
	"trigger" text NOT NULL,
	"status" text NOT NULL,
	"evaluated_at" timestamp (3) with time zone NOT NULL,
	"started_at" timestamp (3) with time zone NOT NULL,
	"finished_at" timestamp (3) with time zone NOT NULL,
	"summary" text NOT NULL,
	"record" jsonb NOT NULL,
	CONSTRAINT "policy_runs_trigger_check" CHECK ("policy_runs"."trigger" in ('scheduled', 'manual')),
	CONSTRAINT "policy_runs_status_check" CHECK ("policy_runs"."status" in ('completed', 'interrupted', 'failed', 'missed'))
);
--> statement-breakpoint
ALTER TABLE "policy_runs" ADD CONSTRAINT "policy_runs_policy_id_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."policies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "policy_runs_policy_started_idx" ON "policy_runs" USING btree ("policy_id","started_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "policy_runs_org_started_idx" ON "policy_runs" USING btree ("org","started_at" DESC NULLS LAST);