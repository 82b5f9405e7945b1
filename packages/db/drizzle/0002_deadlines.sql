CREATE TABLE "holiday_files" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"raw" text NOT NULL,
	"years" integer[] NOT NULL,
	"loaded_by" text,
	"channel" text NOT NULL,
	"loaded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sent_reminders" (
	"key" text PRIMARY KEY NOT NULL,
	"staff_id" text,
	"kind" text NOT NULL,
	"date" text NOT NULL,
	"sent_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "sent_reminders_date_idx" ON "sent_reminders" USING btree ("date");