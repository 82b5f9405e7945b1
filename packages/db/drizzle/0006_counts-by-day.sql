CREATE TABLE "pending_tasks" (
	"name" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TABLE "request_counts_daily" (
	"agency_code" text NOT NULL,
	"day" text NOT NULL,
	"row" text NOT NULL,
	"col" text NOT NULL,
	"shard" integer DEFAULT 0 NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "request_counts_daily_agency_code_day_row_col_shard_pk" PRIMARY KEY("agency_code","day","row","col","shard")
);
--> statement-breakpoint
INSERT INTO "pending_tasks" ("name") SELECT 'backfill:request_counts_daily' WHERE EXISTS (SELECT 1 FROM "applications");
