-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Setting" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT DEFAULT 1,
    "businessName" TEXT NOT NULL DEFAULT 'My Business',
    "timeZone" TEXT NOT NULL DEFAULT 'Europe/London',
    "defaultStartTime" TEXT NOT NULL DEFAULT '09:00',
    "defaultDurationMin" INTEGER NOT NULL DEFAULT 60,
    "horizonWeeks" INTEGER NOT NULL DEFAULT 8,
    "feedPastDays" INTEGER NOT NULL DEFAULT 30,
    "feedFutureDays" INTEGER NOT NULL DEFAULT 180,
    "cancelledKeepDays" INTEGER NOT NULL DEFAULT 14,
    "paymentFailedPolicy" TEXT NOT NULL DEFAULT 'keep',
    "demoData" BOOLEAN NOT NULL DEFAULT false,
    "demoWiped" BOOLEAN NOT NULL DEFAULT false
);
INSERT INTO "new_Setting" ("businessName", "defaultDurationMin", "defaultStartTime", "demoData", "demoWiped", "feedFutureDays", "feedPastDays", "horizonWeeks", "id", "paymentFailedPolicy", "timeZone") SELECT "businessName", "defaultDurationMin", "defaultStartTime", "demoData", "demoWiped", "feedFutureDays", "feedPastDays", "horizonWeeks", "id", "paymentFailedPolicy", "timeZone" FROM "Setting";
DROP TABLE "Setting";
ALTER TABLE "new_Setting" RENAME TO "Setting";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


-- Data migration (hand-appended, issue 15): a booking's identity no longer holds the time of day.
-- Keys `<kind>:<source>:<line>:<YYYY-MM-DD>T<HH:MM>#<n>` become `<kind>:<source>:<line>:<YYYY-MM-DD>#<index>`,
-- the index counting the line's bookings that day by time then n, live ones before cancelled ones
-- (a past rule time change left both), so every new key is unique and matches what derivation
-- now produces. New keys hold no `T`, so none can collide with a key not yet rewritten.
WITH old AS (
  SELECT id, status,
         sourceKind || ':' || sourceId || ':' || sourceLineId || ':' AS prefix,
         substr(bookingKey, length(sourceKind) + length(sourceId) + length(sourceLineId) + 4) AS rest
    FROM Booking
   WHERE sourceId IS NOT NULL AND sourceLineId IS NOT NULL
     AND substr(bookingKey, 1, length(sourceKind) + length(sourceId) + length(sourceLineId) + 3)
         = sourceKind || ':' || sourceId || ':' || sourceLineId || ':'
), parsed AS (
  SELECT id, status, prefix, substr(rest, 1, 10) AS day, substr(rest, 12, 5) AS time,
         CAST(substr(rest, 18) AS INTEGER) AS n
    FROM old
   WHERE rest GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]#[0-9]*'
), ranked AS (
  SELECT id, prefix || day || '#' || (ROW_NUMBER() OVER (
           PARTITION BY prefix, day ORDER BY status = 'cancelled', time, n, id) - 1) AS newKey
    FROM parsed
)
UPDATE Booking SET bookingKey = (SELECT newKey FROM ranked WHERE ranked.id = Booking.id)
 WHERE id IN (SELECT id FROM ranked);
