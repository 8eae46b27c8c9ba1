-- DropIndex
DROP INDEX "Booking_startAt_idx";

-- CreateIndex
CREATE INDEX "Booking_startAt_updatedAt_sequence_idx" ON "Booking"("startAt", "updatedAt", "sequence");
