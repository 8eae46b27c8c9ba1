-- AlterTable
ALTER TABLE "CalendarFeed" ADD COLUMN "lastFetchedAt" DATETIME;
ALTER TABLE "CalendarFeed" ADD COLUMN "lastUserAgent" TEXT;
