-- CreateTable
CREATE TABLE "RenderedEvent" (
    "context" TEXT NOT NULL,
    "bookingId" INTEGER NOT NULL,
    "stamp" TEXT NOT NULL,
    "text" TEXT NOT NULL,

    PRIMARY KEY ("context", "bookingId")
);

-- CreateIndex
CREATE INDEX "RenderedEvent_bookingId_idx" ON "RenderedEvent"("bookingId");
