-- AlterTable
ALTER TABLE "CalendarFeed" ADD COLUMN "tokenSealed" TEXT;
