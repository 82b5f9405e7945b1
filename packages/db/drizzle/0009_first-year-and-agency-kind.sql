CREATE TABLE "brought_in_reports" (
	"agency_code" text NOT NULL,
	"year" integer NOT NULL,
	"report" jsonb NOT NULL,
	"note" text,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "brought_in_reports_agency_code_year_pk" PRIMARY KEY("agency_code","year")
);
--> statement-breakpoint
ALTER TABLE "agencies" ADD COLUMN "kind" text DEFAULT 'department' NOT NULL;--> statement-breakpoint
ALTER TABLE "brought_in_reports" ADD CONSTRAINT "brought_in_reports_agency_code_agencies_code_fk" FOREIGN KEY ("agency_code") REFERENCES "public"."agencies"("code") ON DELETE no action ON UPDATE no action;