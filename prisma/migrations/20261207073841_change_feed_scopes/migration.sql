-- AlterTable
ALTER TABLE "ChangeLog" ADD COLUMN "ref" TEXT;

-- CreateTable
CREATE TABLE "ChangeCounter" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "seq" INTEGER NOT NULL
);

-- CreateTable
CREATE TABLE "ChangeScope" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "seq" INTEGER NOT NULL,
    "staffId" INTEGER NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" INTEGER NOT NULL,
    "inScope" BOOLEAN NOT NULL
);

-- CreateIndex
CREATE INDEX "ChangeScope_staffId_seq_idx" ON "ChangeScope"("staffId", "seq");

-- CreateIndex
CREATE INDEX "ChangeScope_staffId_entity_entityId_seq_idx" ON "ChangeScope"("staffId", "entity", "entityId", "seq");

-- Appended by hand (not expressible in schema.prisma): sequence numbers that are never reused,
-- and the walkers' scope history (docs/API.md, "Changes feed and stream").
--
-- Every logged change takes the next number from ChangeCounter inside the writer's transaction.
-- The triggers of 20261201225608 took max(seq) + 1 after deleting the item's own row: when that
-- item held the newest seq it got the same number again, and a phone already past it never saw
-- the change. The counter never goes down, whatever rows are deleted.
INSERT INTO "ChangeCounter" ("id", "seq") SELECT 1, COALESCE(MAX("seq"), 0) FROM "ChangeLog";
UPDATE "ChangeLog" SET "ref" = (SELECT "stripeId" FROM "Client" c WHERE c."id" = "ChangeLog"."entityId") WHERE "entity" = 'client';

-- Scope membership before the log existed: seq 0, "in scope at any cursor".
INSERT INTO "ChangeScope" ("seq", "staffId", "entity", "entityId", "inScope")
SELECT 0, "staffId", 'booking', "id", 1 FROM "Booking" WHERE "staffId" IS NOT NULL;
INSERT INTO "ChangeScope" ("seq", "staffId", "entity", "entityId", "inScope")
SELECT DISTINCT 0, b."staffId", 'client', c."id", 1
FROM "Booking" b JOIN "Client" c ON c."stripeId" = b."clientStripeId" WHERE b."staffId" IS NOT NULL AND c."deleted" = 0;

DROP TRIGGER "Booking_changelog_delete";
DROP TRIGGER "Client_changelog_insert";
DROP TRIGGER "Client_changelog_update";
DROP TRIGGER "Client_changelog_delete";

-- A booking enters a walker's scope when it is created assigned to them; the client does too
-- when it is the walker's first booking with that client.
CREATE TRIGGER "Booking_scope_insert" AFTER INSERT ON "Booking" WHEN NEW."staffId" IS NOT NULL BEGIN
  UPDATE "ChangeCounter" SET "seq" = "seq" + 1 WHERE "id" = 1;
  INSERT INTO "ChangeScope" ("seq", "staffId", "entity", "entityId", "inScope")
  VALUES ((SELECT "seq" FROM "ChangeCounter" WHERE "id" = 1), NEW."staffId", 'booking', NEW."id", 1);
  INSERT INTO "ChangeScope" ("seq", "staffId", "entity", "entityId", "inScope")
  SELECT (SELECT "seq" FROM "ChangeCounter" WHERE "id" = 1), NEW."staffId", 'client', c."id", 1
  FROM "Client" c WHERE c."stripeId" = NEW."clientStripeId" AND c."deleted" = 0
    AND NOT EXISTS (SELECT 1 FROM "Booking" o WHERE o."clientStripeId" = NEW."clientStripeId"
                    AND o."staffId" = NEW."staffId" AND o."id" <> NEW."id");
END;

-- Reassigned, or moved to another client: out of the old walker's scope, into the new one's.
CREATE TRIGGER "Booking_scope_update" AFTER UPDATE OF "staffId", "clientStripeId" ON "Booking"
WHEN OLD."staffId" IS NOT NEW."staffId" OR OLD."clientStripeId" IS NOT NEW."clientStripeId" BEGIN
  UPDATE "ChangeCounter" SET "seq" = "seq" + 1 WHERE "id" = 1;
  INSERT INTO "ChangeScope" ("seq", "staffId", "entity", "entityId", "inScope")
  SELECT (SELECT "seq" FROM "ChangeCounter" WHERE "id" = 1), OLD."staffId", 'booking', OLD."id", 0
  WHERE OLD."staffId" IS NOT NULL AND OLD."staffId" IS NOT NEW."staffId";
  INSERT INTO "ChangeScope" ("seq", "staffId", "entity", "entityId", "inScope")
  SELECT (SELECT "seq" FROM "ChangeCounter" WHERE "id" = 1), NEW."staffId", 'booking', NEW."id", 1
  WHERE NEW."staffId" IS NOT NULL AND OLD."staffId" IS NOT NEW."staffId";
  INSERT INTO "ChangeScope" ("seq", "staffId", "entity", "entityId", "inScope")
  SELECT (SELECT "seq" FROM "ChangeCounter" WHERE "id" = 1), OLD."staffId", 'client', c."id", 0
  FROM "Client" c WHERE c."stripeId" = OLD."clientStripeId" AND OLD."staffId" IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM "Booking" o WHERE o."clientStripeId" = OLD."clientStripeId"
                    AND o."staffId" = OLD."staffId");
  INSERT INTO "ChangeScope" ("seq", "staffId", "entity", "entityId", "inScope")
  SELECT (SELECT "seq" FROM "ChangeCounter" WHERE "id" = 1), NEW."staffId", 'client', c."id", 1
  FROM "Client" c WHERE c."stripeId" = NEW."clientStripeId" AND c."deleted" = 0 AND NEW."staffId" IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM "Booking" o WHERE o."clientStripeId" = NEW."clientStripeId"
                    AND o."staffId" = NEW."staffId" AND o."id" <> NEW."id");
END;

CREATE TRIGGER "Booking_changelog_delete" AFTER DELETE ON "Booking" BEGIN
  UPDATE "ChangeCounter" SET "seq" = "seq" + 1 WHERE "id" = 1;
  INSERT INTO "ChangeScope" ("seq", "staffId", "entity", "entityId", "inScope")
  SELECT (SELECT "seq" FROM "ChangeCounter" WHERE "id" = 1), OLD."staffId", 'booking', OLD."id", 0
  WHERE OLD."staffId" IS NOT NULL;
  INSERT INTO "ChangeScope" ("seq", "staffId", "entity", "entityId", "inScope")
  SELECT (SELECT "seq" FROM "ChangeCounter" WHERE "id" = 1), OLD."staffId", 'client', c."id", 0
  FROM "Client" c WHERE c."stripeId" = OLD."clientStripeId" AND OLD."staffId" IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM "Booking" o WHERE o."clientStripeId" = OLD."clientStripeId"
                    AND o."staffId" = OLD."staffId");
  UPDATE "ChangeCounter" SET "seq" = "seq" + 1 WHERE "id" = 1;
  DELETE FROM "ChangeLog" WHERE "entity" = 'booking' AND "entityId" = OLD."id";
  INSERT INTO "ChangeLog" ("seq", "entity", "entityId", "op", "at")
  VALUES ((SELECT "seq" FROM "ChangeCounter" WHERE "id" = 1), 'booking', OLD."id", 'delete', CAST(strftime('%s','now') AS INTEGER) * 1000);
END;

-- A client row: its own entry, and its bookings' (they show the client's name). The client
-- enters the scope of every walker who already has bookings with it (bookings may arrive first).
CREATE TRIGGER "Client_changelog_insert" AFTER INSERT ON "Client" BEGIN
  UPDATE "ChangeCounter" SET "seq" = "seq" + 1 WHERE "id" = 1;
  INSERT INTO "ChangeScope" ("seq", "staffId", "entity", "entityId", "inScope")
  SELECT DISTINCT (SELECT "seq" FROM "ChangeCounter" WHERE "id" = 1), b."staffId", 'client', NEW."id", 1
  FROM "Booking" b WHERE b."clientStripeId" = NEW."stripeId" AND b."staffId" IS NOT NULL AND NEW."deleted" = 0;
  DELETE FROM "ChangeLog" WHERE "entity" = 'booking' AND "entityId" IN (SELECT "id" FROM "Booking" WHERE "clientStripeId" = NEW."stripeId");
  INSERT INTO "ChangeLog" ("seq", "entity", "entityId", "op", "at")
  SELECT (SELECT "seq" FROM "ChangeCounter" WHERE "id" = 1) + ROW_NUMBER() OVER (ORDER BY "id"), 'booking', "id", 'upsert', CAST(strftime('%s','now') AS INTEGER) * 1000
  FROM "Booking" WHERE "clientStripeId" = NEW."stripeId";
  UPDATE "ChangeCounter" SET "seq" = "seq" + 1 + (SELECT count(*) FROM "Booking" WHERE "clientStripeId" = NEW."stripeId") WHERE "id" = 1;
  DELETE FROM "ChangeLog" WHERE "entity" = 'client' AND "entityId" = NEW."id";
  INSERT INTO "ChangeLog" ("seq", "entity", "entityId", "op", "at", "ref")
  VALUES ((SELECT "seq" FROM "ChangeCounter" WHERE "id" = 1), 'client', NEW."id", CASE WHEN NEW."deleted" THEN 'delete' ELSE 'upsert' END, CAST(strftime('%s','now') AS INTEGER) * 1000, NEW."stripeId");
END;

-- Only what the feed shows: a sync touching bookkeeping columns (seenSyncRunId, appliedAt) of
-- every client would otherwise send every client to every phone again.
CREATE TRIGGER "Client_changelog_update" AFTER UPDATE ON "Client"
WHEN OLD."name" IS NOT NEW."name" OR OLD."email" IS NOT NEW."email" OR OLD."phone" IS NOT NEW."phone"
  OR OLD."deleted" IS NOT NEW."deleted" OR OLD."stripeId" IS NOT NEW."stripeId" BEGIN
  -- Deleted in Stripe: out of every walker's scope (and back in, should it return).
  UPDATE "ChangeCounter" SET "seq" = "seq" + 1 WHERE "id" = 1 AND OLD."deleted" IS NOT NEW."deleted";
  INSERT INTO "ChangeScope" ("seq", "staffId", "entity", "entityId", "inScope")
  SELECT DISTINCT (SELECT "seq" FROM "ChangeCounter" WHERE "id" = 1), b."staffId", 'client', NEW."id", NOT NEW."deleted"
  FROM "Booking" b WHERE b."clientStripeId" = NEW."stripeId" AND b."staffId" IS NOT NULL AND OLD."deleted" IS NOT NEW."deleted";
  DELETE FROM "ChangeLog" WHERE "entity" = 'booking' AND "entityId" IN (SELECT "id" FROM "Booking" WHERE "clientStripeId" = NEW."stripeId")
    AND (OLD."name" IS NOT NEW."name" OR OLD."email" IS NOT NEW."email");
  INSERT INTO "ChangeLog" ("seq", "entity", "entityId", "op", "at")
  SELECT (SELECT "seq" FROM "ChangeCounter" WHERE "id" = 1) + ROW_NUMBER() OVER (ORDER BY "id"), 'booking', "id", 'upsert', CAST(strftime('%s','now') AS INTEGER) * 1000
  FROM "Booking" WHERE "clientStripeId" = NEW."stripeId" AND (OLD."name" IS NOT NEW."name" OR OLD."email" IS NOT NEW."email");
  UPDATE "ChangeCounter" SET "seq" = "seq" + 1 + (SELECT count(*) FROM "Booking" WHERE "clientStripeId" = NEW."stripeId"
    AND (OLD."name" IS NOT NEW."name" OR OLD."email" IS NOT NEW."email")) WHERE "id" = 1;
  DELETE FROM "ChangeLog" WHERE "entity" = 'client' AND "entityId" = NEW."id";
  INSERT INTO "ChangeLog" ("seq", "entity", "entityId", "op", "at", "ref")
  VALUES ((SELECT "seq" FROM "ChangeCounter" WHERE "id" = 1), 'client', NEW."id", CASE WHEN NEW."deleted" THEN 'delete' ELSE 'upsert' END, CAST(strftime('%s','now') AS INTEGER) * 1000, NEW."stripeId");
END;

CREATE TRIGGER "Client_changelog_delete" AFTER DELETE ON "Client" BEGIN
  UPDATE "ChangeCounter" SET "seq" = "seq" + 1 WHERE "id" = 1;
  INSERT INTO "ChangeScope" ("seq", "staffId", "entity", "entityId", "inScope")
  SELECT DISTINCT (SELECT "seq" FROM "ChangeCounter" WHERE "id" = 1), b."staffId", 'client', OLD."id", 0
  FROM "Booking" b WHERE b."clientStripeId" = OLD."stripeId" AND b."staffId" IS NOT NULL AND OLD."deleted" = 0;
  DELETE FROM "ChangeLog" WHERE "entity" = 'booking' AND "entityId" IN (SELECT "id" FROM "Booking" WHERE "clientStripeId" = OLD."stripeId");
  INSERT INTO "ChangeLog" ("seq", "entity", "entityId", "op", "at")
  SELECT (SELECT "seq" FROM "ChangeCounter" WHERE "id" = 1) + ROW_NUMBER() OVER (ORDER BY "id"), 'booking', "id", 'upsert', CAST(strftime('%s','now') AS INTEGER) * 1000
  FROM "Booking" WHERE "clientStripeId" = OLD."stripeId";
  UPDATE "ChangeCounter" SET "seq" = "seq" + 1 + (SELECT count(*) FROM "Booking" WHERE "clientStripeId" = OLD."stripeId") WHERE "id" = 1;
  DELETE FROM "ChangeLog" WHERE "entity" = 'client' AND "entityId" = OLD."id";
  INSERT INTO "ChangeLog" ("seq", "entity", "entityId", "op", "at", "ref")
  VALUES ((SELECT "seq" FROM "ChangeCounter" WHERE "id" = 1), 'client', OLD."id", 'delete', CAST(strftime('%s','now') AS INTEGER) * 1000, OLD."stripeId");
END;
