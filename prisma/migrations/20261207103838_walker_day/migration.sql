-- AlterTable
ALTER TABLE "Client" ADD COLUMN "phoneE164" TEXT;

-- CreateTable
CREATE TABLE "ClientProfile" (
    "clientStripeId" TEXT NOT NULL PRIMARY KEY,
    "addressOverride" TEXT,
    "accessSealed" TEXT,
    "emergencyName" TEXT,
    "emergencyPhone" TEXT,
    "emergencyNote" TEXT,
    "updatedAt" DATETIME NOT NULL,
    "updatedBy" TEXT
);

-- CreateTable
CREATE TABLE "Pet" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "clientStripeId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "breed" TEXT,
    "careNotes" TEXT,
    "vet" TEXT,
    "photoFile" TEXT,
    "photoType" TEXT,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

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
    "startGraceMin" INTEGER NOT NULL DEFAULT 30,
    "phoneCountry" TEXT,
    "demoWiped" BOOLEAN NOT NULL DEFAULT false
);
INSERT INTO "new_Setting" ("businessName", "cancelledKeepDays", "defaultDurationMin", "defaultStartTime", "demoData", "demoWiped", "feedFutureDays", "feedPastDays", "horizonWeeks", "id", "paymentFailedPolicy", "timeZone") SELECT "businessName", "cancelledKeepDays", "defaultDurationMin", "defaultStartTime", "demoData", "demoWiped", "feedFutureDays", "feedPastDays", "horizonWeeks", "id", "paymentFailedPolicy", "timeZone" FROM "Setting";
DROP TABLE "Setting";
ALTER TABLE "new_Setting" RENAME TO "Setting";
CREATE TABLE "new_SignInLink" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "tokenHash" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "purpose" TEXT NOT NULL DEFAULT 'desktop',
    "createdBy" TEXT,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_SignInLink" ("createdAt", "expiresAt", "id", "tokenHash", "usedAt", "userId") SELECT "createdAt", "expiresAt", "id", "tokenHash", "usedAt", "userId" FROM "SignInLink";
DROP TABLE "SignInLink";
ALTER TABLE "new_SignInLink" RENAME TO "SignInLink";
CREATE UNIQUE INDEX "SignInLink_tokenHash_key" ON "SignInLink"("tokenHash");
CREATE INDEX "SignInLink_userId_idx" ON "SignInLink"("userId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Pet_clientStripeId_sortOrder_idx" ON "Pet"("clientStripeId", "sortOrder");

-- CreateIndex
CREATE INDEX "Client_phoneE164_idx" ON "Client"("phoneE164");
