-- AlterTable
ALTER TABLE "Booking" ADD COLUMN "checkInAt" DATETIME;
ALTER TABLE "Booking" ADD COLUMN "checkOutAt" DATETIME;
ALTER TABLE "Booking" ADD COLUMN "overrideStatus" TEXT;

-- CreateTable
CREATE TABLE "BookingEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "bookingId" INTEGER NOT NULL,
    "at" DATETIME NOT NULL,
    "kind" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "cause" TEXT,
    "reason" TEXT,
    "changesJson" TEXT NOT NULL DEFAULT '{}',
    CONSTRAINT "BookingEvent_bookingId_fkey" FOREIGN KEY ("bookingId") REFERENCES "Booking" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SeriesEdit" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "sourceKind" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "sourceLineId" TEXT NOT NULL,
    "fromAt" DATETIME NOT NULL,
    "weekday" INTEGER,
    "startTime" TEXT,
    "durationMin" INTEGER,
    "actor" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "StaffDefault" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "scope" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "staffId" INTEGER NOT NULL,
    "actor" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ChangeLog" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "seq" INTEGER NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" INTEGER NOT NULL,
    "op" TEXT NOT NULL,
    "at" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "IdempotencyKey" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "owner" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "status" INTEGER,
    "headersJson" TEXT,
    "body" TEXT,
    "createdAt" DATETIME NOT NULL,
    "expiresAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "BookingEvent_bookingId_id_idx" ON "BookingEvent"("bookingId", "id");

-- CreateIndex
CREATE INDEX "SeriesEdit_sourceKind_sourceId_idx" ON "SeriesEdit"("sourceKind", "sourceId");

-- CreateIndex
CREATE UNIQUE INDEX "StaffDefault_scope_key_key" ON "StaffDefault"("scope", "key");

-- CreateIndex
CREATE UNIQUE INDEX "ChangeLog_seq_key" ON "ChangeLog"("seq");

-- CreateIndex
CREATE UNIQUE INDEX "ChangeLog_entity_entityId_key" ON "ChangeLog"("entity", "entityId");

-- CreateIndex
CREATE INDEX "IdempotencyKey_expiresAt_idx" ON "IdempotencyKey"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "IdempotencyKey_owner_key_key" ON "IdempotencyKey"("owner", "key");

-- Appended by hand (not expressible in schema.prisma): the changes feed is written by triggers,
-- so every writer of Booking and Client (ingest, reconcile, edits, demo wipe, CLI) moves the
-- row to the next sequence number in the same transaction. DELETE + INSERT instead of an
-- ON CONFLICT clause: an outer statement's conflict policy would override the trigger's.
-- Existing rows are logged once so a first walk of the feed sees everything.
INSERT INTO "ChangeLog" ("seq", "entity", "entityId", "op", "at")
SELECT ROW_NUMBER() OVER (ORDER BY "id"), 'booking', "id", 'upsert', CAST(strftime('%s','now') AS INTEGER) * 1000 FROM "Booking";
INSERT INTO "ChangeLog" ("seq", "entity", "entityId", "op", "at")
SELECT (SELECT COALESCE(MAX("seq"), 0) FROM "ChangeLog") + ROW_NUMBER() OVER (ORDER BY "id"), 'client', "id", 'upsert', CAST(strftime('%s','now') AS INTEGER) * 1000 FROM "Client";

CREATE TRIGGER "Booking_changelog_insert" AFTER INSERT ON "Booking" BEGIN
  DELETE FROM "ChangeLog" WHERE "entity" = 'booking' AND "entityId" = NEW."id";
  INSERT INTO "ChangeLog" ("seq", "entity", "entityId", "op", "at")
  VALUES ((SELECT COALESCE(MAX("seq"), 0) + 1 FROM "ChangeLog"), 'booking', NEW."id", 'upsert', CAST(strftime('%s','now') AS INTEGER) * 1000);
END;
CREATE TRIGGER "Booking_changelog_update" AFTER UPDATE ON "Booking" BEGIN
  DELETE FROM "ChangeLog" WHERE "entity" = 'booking' AND "entityId" = NEW."id";
  INSERT INTO "ChangeLog" ("seq", "entity", "entityId", "op", "at")
  VALUES ((SELECT COALESCE(MAX("seq"), 0) + 1 FROM "ChangeLog"), 'booking', NEW."id", 'upsert', CAST(strftime('%s','now') AS INTEGER) * 1000);
END;
CREATE TRIGGER "Booking_changelog_delete" AFTER DELETE ON "Booking" BEGIN
  DELETE FROM "ChangeLog" WHERE "entity" = 'booking' AND "entityId" = OLD."id";
  INSERT INTO "ChangeLog" ("seq", "entity", "entityId", "op", "at")
  VALUES ((SELECT COALESCE(MAX("seq"), 0) + 1 FROM "ChangeLog"), 'booking', OLD."id", 'delete', CAST(strftime('%s','now') AS INTEGER) * 1000);
END;
CREATE TRIGGER "Client_changelog_insert" AFTER INSERT ON "Client" BEGIN
  DELETE FROM "ChangeLog" WHERE "entity" = 'client' AND "entityId" = NEW."id";
  INSERT INTO "ChangeLog" ("seq", "entity", "entityId", "op", "at")
  VALUES ((SELECT COALESCE(MAX("seq"), 0) + 1 FROM "ChangeLog"), 'client', NEW."id", CASE WHEN NEW."deleted" THEN 'delete' ELSE 'upsert' END, CAST(strftime('%s','now') AS INTEGER) * 1000);
END;
CREATE TRIGGER "Client_changelog_update" AFTER UPDATE ON "Client" BEGIN
  DELETE FROM "ChangeLog" WHERE "entity" = 'client' AND "entityId" = NEW."id";
  INSERT INTO "ChangeLog" ("seq", "entity", "entityId", "op", "at")
  VALUES ((SELECT COALESCE(MAX("seq"), 0) + 1 FROM "ChangeLog"), 'client', NEW."id", CASE WHEN NEW."deleted" THEN 'delete' ELSE 'upsert' END, CAST(strftime('%s','now') AS INTEGER) * 1000);
END;
CREATE TRIGGER "Client_changelog_delete" AFTER DELETE ON "Client" BEGIN
  DELETE FROM "ChangeLog" WHERE "entity" = 'client' AND "entityId" = OLD."id";
  INSERT INTO "ChangeLog" ("seq", "entity", "entityId", "op", "at")
  VALUES ((SELECT COALESCE(MAX("seq"), 0) + 1 FROM "ChangeLog"), 'client', OLD."id", 'delete', CAST(strftime('%s','now') AS INTEGER) * 1000);
END;
