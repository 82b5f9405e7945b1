CREATE TABLE "agencies" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"region_code" text,
	"parent_code" text,
	"next_number" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "api_tokens" (
	"id" text PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"kind" text NOT NULL,
	"staff_id" text,
	"label" text DEFAULT '' NOT NULL,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "api_tokens_kind_check" CHECK ("api_tokens"."kind" in ('personal', 'service', 'admin'))
);
--> statement-breakpoint
CREATE TABLE "application_events" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"application_id" text NOT NULL,
	"event_id" text NOT NULL,
	"type" text NOT NULL,
	"date" text NOT NULL,
	"payload" jsonb NOT NULL,
	"recorded_by" text,
	"channel" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "applications" (
	"id" text PRIMARY KEY NOT NULL,
	"agency_code" text NOT NULL,
	"number" integer NOT NULL,
	"subject" text,
	"applicant" jsonb,
	"received_on" text NOT NULL,
	"received_year" integer NOT NULL,
	"applicant_type" text NOT NULL,
	"channel" text NOT NULL,
	"status" text NOT NULL,
	"concluded_on" text,
	"outcome" text,
	"due_date" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor" text,
	"channel" text NOT NULL,
	"action" text NOT NULL,
	"target" text,
	"detail" jsonb
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"principal" text NOT NULL,
	"key" text NOT NULL,
	"route" text NOT NULL,
	"body_hash" text NOT NULL,
	"status" integer NOT NULL,
	"response" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "idempotency_keys_principal_key_pk" PRIMARY KEY("principal","key")
);
--> statement-breakpoint
CREATE TABLE "opening_balances" (
	"agency_code" text NOT NULL,
	"year" integer NOT NULL,
	"counts" jsonb NOT NULL,
	"note" text,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "opening_balances_agency_code_year_pk" PRIMARY KEY("agency_code","year")
);
--> statement-breakpoint
CREATE TABLE "published_reports" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"agency_code" text NOT NULL,
	"year" integer NOT NULL,
	"report" jsonb NOT NULL,
	"findings" jsonb NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"published_by" text,
	"reopened_at" timestamp with time zone,
	"reopened_by" text,
	"reopen_reason" text
);
--> statement-breakpoint
CREATE TABLE "report_sections" (
	"agency_code" text NOT NULL,
	"year" integer NOT NULL,
	"section" text NOT NULL,
	"content" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "report_sections_agency_code_year_section_pk" PRIMARY KEY("agency_code","year","section")
);
--> statement-breakpoint
CREATE TABLE "request_counts" (
	"agency_code" text NOT NULL,
	"year" integer NOT NULL,
	"row" text NOT NULL,
	"col" text NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "request_counts_agency_code_year_row_col_pk" PRIMARY KEY("agency_code","year","row","col")
);
--> statement-breakpoint
CREATE TABLE "staff" (
	"id" text PRIMARY KEY NOT NULL,
	"agency_code" text NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"telegram_user_id" bigint,
	"invite_code_hash" text,
	"linked_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "staff_role_check" CHECK ("staff"."role" in ('clerk', 'manager', 'admin'))
);
--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_events" ADD CONSTRAINT "application_events_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_agency_code_agencies_code_fk" FOREIGN KEY ("agency_code") REFERENCES "public"."agencies"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opening_balances" ADD CONSTRAINT "opening_balances_agency_code_agencies_code_fk" FOREIGN KEY ("agency_code") REFERENCES "public"."agencies"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "published_reports" ADD CONSTRAINT "published_reports_agency_code_agencies_code_fk" FOREIGN KEY ("agency_code") REFERENCES "public"."agencies"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_sections" ADD CONSTRAINT "report_sections_agency_code_agencies_code_fk" FOREIGN KEY ("agency_code") REFERENCES "public"."agencies"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff" ADD CONSTRAINT "staff_agency_code_agencies_code_fk" FOREIGN KEY ("agency_code") REFERENCES "public"."agencies"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agencies_parent_idx" ON "agencies" USING btree ("parent_code");--> statement-breakpoint
CREATE INDEX "agencies_region_idx" ON "agencies" USING btree ("region_code");--> statement-breakpoint
CREATE UNIQUE INDEX "api_tokens_hash_idx" ON "api_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "application_events_id_idx" ON "application_events" USING btree ("application_id","event_id");--> statement-breakpoint
CREATE UNIQUE INDEX "applications_number_idx" ON "applications" USING btree ("agency_code","number");--> statement-breakpoint
CREATE INDEX "applications_year_idx" ON "applications" USING btree ("agency_code","received_year");--> statement-breakpoint
CREATE INDEX "applications_status_idx" ON "applications" USING btree ("agency_code","status");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "published_reports_idx" ON "published_reports" USING btree ("agency_code","year");--> statement-breakpoint
CREATE UNIQUE INDEX "staff_invite_idx" ON "staff" USING btree ("invite_code_hash");--> statement-breakpoint
CREATE INDEX "staff_agency_idx" ON "staff" USING btree ("agency_code");--> statement-breakpoint
CREATE INDEX "staff_telegram_idx" ON "staff" USING btree ("telegram_user_id");