-- The audit log is append-only: whatever code runs against the database, an UPDATE, DELETE or
-- TRUNCATE of audit_log fails, even one that would touch no row. (A statement-level trigger,
-- so it fires for every such statement; only a superuser dropping the trigger gets past it.)
CREATE FUNCTION "audit_log_refuse_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege', HINT = 'Entries are only ever added.';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "audit_log_append_only"
  BEFORE UPDATE OR DELETE OR TRUNCATE ON "audit_log"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_log_refuse_change"();
