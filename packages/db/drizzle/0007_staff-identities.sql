CREATE TABLE "staff_identities" (
	"staff_id" text NOT NULL,
	"platform" text NOT NULL,
	"external_id" text NOT NULL,
	"linked_at" timestamp with time zone NOT NULL,
	CONSTRAINT "staff_identities_platform_external_id_staff_id_pk" PRIMARY KEY("platform","external_id","staff_id"),
	CONSTRAINT "staff_identities_platform_check" CHECK ("staff_identities"."platform" in ('telegram', 'wecom', 'dingtalk'))
);
--> statement-breakpoint
ALTER TABLE "staff_identities" ADD CONSTRAINT "staff_identities_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "staff_identities_staff_idx" ON "staff_identities" USING btree ("staff_id");--> statement-breakpoint
-- The Telegram links made so far become identities (the column stays, read by older code).
INSERT INTO "staff_identities" ("staff_id", "platform", "external_id", "linked_at")
SELECT "id", 'telegram', "telegram_user_id"::text, coalesce("linked_at", "created_at")
FROM "staff" WHERE "telegram_user_id" IS NOT NULL
ON CONFLICT DO NOTHING;
