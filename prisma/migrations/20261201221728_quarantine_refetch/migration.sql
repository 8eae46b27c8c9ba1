-- CreateTable
CREATE TABLE "QuarantinedObject" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "kind" TEXT NOT NULL,
    "stripeId" TEXT NOT NULL,
    "raw" TEXT NOT NULL,
    "error" TEXT NOT NULL,
    "sourceAt" DATETIME NOT NULL,
    "deleted" BOOLEAN NOT NULL DEFAULT false,
    "firstSeenAt" DATETIME NOT NULL,
    "lastTriedAt" DATETIME NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 1
);

-- CreateTable
CREATE TABLE "RefetchRequest" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "kind" TEXT NOT NULL,
    "stripeId" TEXT NOT NULL,
    "tieAt" DATETIME NOT NULL,
    "requestedAt" DATETIME NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT
);

-- CreateIndex
CREATE UNIQUE INDEX "QuarantinedObject_kind_stripeId_key" ON "QuarantinedObject"("kind", "stripeId");

-- CreateIndex
CREATE UNIQUE INDEX "RefetchRequest_kind_stripeId_key" ON "RefetchRequest"("kind", "stripeId");
