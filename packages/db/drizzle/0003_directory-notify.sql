-- Who a token is, what its holder may do and the working calendar are cached by API processes
-- (the directory tier of apps/api/src/cache.ts). Every change to them, by any writer (an API
-- instance, `ogi admin`, `ogi calendar load`, plain SQL), notifies the channel ogi_directory at
-- commit; each API process listens and clears its cache. Registrations change only
-- agencies.next_number, which is not part of the directory and notifies nothing.
CREATE FUNCTION ogi_notify_directory() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('ogi_directory', TG_TABLE_NAME);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER api_tokens_directory AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON api_tokens
  FOR EACH STATEMENT EXECUTE FUNCTION ogi_notify_directory();
--> statement-breakpoint
CREATE TRIGGER staff_directory AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON staff
  FOR EACH STATEMENT EXECUTE FUNCTION ogi_notify_directory();
--> statement-breakpoint
CREATE TRIGGER agencies_directory AFTER INSERT OR DELETE OR TRUNCATE ON agencies
  FOR EACH STATEMENT EXECUTE FUNCTION ogi_notify_directory();
--> statement-breakpoint
CREATE TRIGGER agencies_directory_update AFTER UPDATE OF code, name, region_code, parent_code ON agencies
  FOR EACH STATEMENT EXECUTE FUNCTION ogi_notify_directory();
--> statement-breakpoint
CREATE TRIGGER holiday_files_directory AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON holiday_files
  FOR EACH STATEMENT EXECUTE FUNCTION ogi_notify_directory();
