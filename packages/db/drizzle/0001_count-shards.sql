ALTER TABLE "request_counts" ADD COLUMN "shard" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "request_counts" DROP CONSTRAINT "request_counts_agency_code_year_row_col_pk";--> statement-breakpoint
ALTER TABLE "request_counts" ADD CONSTRAINT "request_counts_agency_code_year_row_col_shard_pk" PRIMARY KEY("agency_code","year","row","col","shard");
