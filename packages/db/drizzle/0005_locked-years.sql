ALTER TABLE "agencies" ADD COLUMN "locked_years" integer[] DEFAULT '{}'::int[] NOT NULL;--> statement-breakpoint
UPDATE "agencies" a SET "locked_years" = coalesce((SELECT array_agg(DISTINCT p."year" ORDER BY p."year") FROM "published_reports" p WHERE p."agency_code" = a."code" AND p."reopened_at" IS NULL), '{}'::int[]);
