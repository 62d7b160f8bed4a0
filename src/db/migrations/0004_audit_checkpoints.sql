CREATE TABLE "audit_checkpoints" (
	"id" text PRIMARY KEY NOT NULL,
	"at" timestamp (3) with time zone NOT NULL,
	"heads" text NOT NULL,
	"signature" text NOT NULL
);
