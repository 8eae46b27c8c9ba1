-- CreateTable
CREATE TABLE "Client" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "stripeId" TEXT NOT NULL,
    "email" TEXT,
    "name" TEXT,
    "phone" TEXT,
    "metadata" TEXT NOT NULL DEFAULT '{}',
    "deleted" BOOLEAN NOT NULL DEFAULT false,
    "livemode" BOOLEAN NOT NULL DEFAULT false,
    "raw" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "stripeCreated" DATETIME NOT NULL,
    "sourceAt" DATETIME NOT NULL,
    "appliedAt" DATETIME NOT NULL,
    "seenSyncRunId" INTEGER
);

-- CreateTable
CREATE TABLE "Product" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "stripeId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL,
    "description" TEXT,
    "serviceCode" TEXT,
    "metadata" TEXT NOT NULL DEFAULT '{}',
    "deleted" BOOLEAN NOT NULL DEFAULT false,
    "livemode" BOOLEAN NOT NULL DEFAULT false,
    "raw" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "stripeCreated" DATETIME NOT NULL,
    "sourceAt" DATETIME NOT NULL,
    "appliedAt" DATETIME NOT NULL,
    "seenSyncRunId" INTEGER
);

-- CreateTable
CREATE TABLE "Price" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "stripeId" TEXT NOT NULL,
    "productStripeId" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL,
    "currency" TEXT NOT NULL,
    "unitAmount" INTEGER,
    "type" TEXT NOT NULL,
    "recurringInterval" TEXT,
    "recurringCount" INTEGER,
    "lookupKey" TEXT,
    "nickname" TEXT,
    "metadata" TEXT NOT NULL DEFAULT '{}',
    "deleted" BOOLEAN NOT NULL DEFAULT false,
    "livemode" BOOLEAN NOT NULL DEFAULT false,
    "raw" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "stripeCreated" DATETIME NOT NULL,
    "sourceAt" DATETIME NOT NULL,
    "appliedAt" DATETIME NOT NULL,
    "seenSyncRunId" INTEGER
);

-- CreateTable
CREATE TABLE "SubscriptionMap" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "stripeId" TEXT NOT NULL,
    "clientStripeId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "startDate" DATETIME NOT NULL,
    "currentPeriodStart" DATETIME,
    "currentPeriodEnd" DATETIME,
    "trialStart" DATETIME,
    "trialEnd" DATETIME,
    "cancelAtPeriodEnd" BOOLEAN NOT NULL DEFAULT false,
    "cancelAt" DATETIME,
    "canceledAt" DATETIME,
    "endedAt" DATETIME,
    "pauseBehavior" TEXT,
    "pauseResumesAt" DATETIME,
    "metadata" TEXT NOT NULL DEFAULT '{}',
    "deleted" BOOLEAN NOT NULL DEFAULT false,
    "livemode" BOOLEAN NOT NULL DEFAULT false,
    "raw" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "stripeCreated" DATETIME NOT NULL,
    "sourceAt" DATETIME NOT NULL,
    "appliedAt" DATETIME NOT NULL,
    "seenSyncRunId" INTEGER
);

-- CreateTable
CREATE TABLE "SubscriptionItemMap" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "stripeId" TEXT NOT NULL,
    "subscriptionStripeId" TEXT NOT NULL,
    "priceStripeId" TEXT NOT NULL,
    "productStripeId" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "currentPeriodStart" DATETIME,
    "currentPeriodEnd" DATETIME,
    "metadata" TEXT NOT NULL DEFAULT '{}',
    "stripeCreated" DATETIME NOT NULL,
    CONSTRAINT "SubscriptionItemMap_subscriptionStripeId_fkey" FOREIGN KEY ("subscriptionStripeId") REFERENCES "SubscriptionMap" ("stripeId") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "InvoiceMap" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "stripeId" TEXT NOT NULL,
    "clientStripeId" TEXT NOT NULL,
    "subscriptionStripeId" TEXT,
    "number" TEXT,
    "status" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "total" INTEGER NOT NULL,
    "amountPaid" INTEGER NOT NULL,
    "amountRemaining" INTEGER NOT NULL,
    "amountRefunded" INTEGER NOT NULL DEFAULT 0,
    "periodStart" DATETIME,
    "periodEnd" DATETIME,
    "paidAt" DATETIME,
    "dueDate" DATETIME,
    "paymentFailed" BOOLEAN NOT NULL DEFAULT false,
    "metadata" TEXT NOT NULL DEFAULT '{}',
    "deleted" BOOLEAN NOT NULL DEFAULT false,
    "livemode" BOOLEAN NOT NULL DEFAULT false,
    "raw" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "stripeCreated" DATETIME NOT NULL,
    "sourceAt" DATETIME NOT NULL,
    "appliedAt" DATETIME NOT NULL,
    "seenSyncRunId" INTEGER
);

-- CreateTable
CREATE TABLE "InvoiceLineMap" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "stripeId" TEXT NOT NULL,
    "invoiceStripeId" TEXT NOT NULL,
    "priceStripeId" TEXT,
    "productStripeId" TEXT,
    "invoiceItemStripeId" TEXT,
    "subscriptionItemStripeId" TEXT,
    "description" TEXT,
    "quantity" INTEGER NOT NULL,
    "amount" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "periodStart" DATETIME,
    "periodEnd" DATETIME,
    "metadata" TEXT NOT NULL DEFAULT '{}',
    CONSTRAINT "InvoiceLineMap_invoiceStripeId_fkey" FOREIGN KEY ("invoiceStripeId") REFERENCES "InvoiceMap" ("stripeId") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "InvoiceItem" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "stripeId" TEXT NOT NULL,
    "clientStripeId" TEXT NOT NULL,
    "invoiceStripeId" TEXT,
    "priceStripeId" TEXT,
    "productStripeId" TEXT,
    "description" TEXT,
    "quantity" INTEGER NOT NULL,
    "amount" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "periodStart" DATETIME,
    "periodEnd" DATETIME,
    "metadata" TEXT NOT NULL DEFAULT '{}',
    "deleted" BOOLEAN NOT NULL DEFAULT false,
    "livemode" BOOLEAN NOT NULL DEFAULT false,
    "raw" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "stripeCreated" DATETIME NOT NULL,
    "sourceAt" DATETIME NOT NULL,
    "appliedAt" DATETIME NOT NULL,
    "seenSyncRunId" INTEGER
);

-- CreateTable
CREATE TABLE "Booking" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "bookingKey" TEXT NOT NULL,
    "clientStripeId" TEXT,
    "serviceCode" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "startAt" DATETIME NOT NULL,
    "endAt" DATETIME NOT NULL,
    "staffId" INTEGER,
    "status" TEXT NOT NULL DEFAULT 'scheduled',
    "sourceKind" TEXT NOT NULL,
    "sourceId" TEXT,
    "sourceLineId" TEXT,
    "ruleId" INTEGER,
    "derivedStartAt" DATETIME,
    "derivedEndAt" DATETIME,
    "derivedStaffId" INTEGER,
    "overrideStartAt" DATETIME,
    "overrideEndAt" DATETIME,
    "overrideStaffId" INTEGER,
    "statusReason" TEXT,
    "notes" TEXT,
    "sequence" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Booking_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "Staff" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Booking_ruleId_fkey" FOREIGN KEY ("ruleId") REFERENCES "Rule" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Rule" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "serviceCode" TEXT NOT NULL,
    "matcherJson" TEXT NOT NULL,
    "allocationJson" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "priority" INTEGER NOT NULL DEFAULT 100,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "DedupEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "externalId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "processedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "WebhookEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "stripeEventId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "objectId" TEXT,
    "eventCreated" DATETIME NOT NULL,
    "payload" TEXT NOT NULL,
    "receivedAt" DATETIME NOT NULL,
    "processedAt" DATETIME,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT
);

-- CreateTable
CREATE TABLE "SyncRun" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "mode" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL,
    "finishedAt" DATETIME,
    "status" TEXT NOT NULL,
    "countsJson" TEXT NOT NULL DEFAULT '{}',
    "cursorJson" TEXT NOT NULL DEFAULT '{}',
    "error" TEXT
);

-- CreateTable
CREATE TABLE "Setting" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT DEFAULT 1,
    "businessName" TEXT NOT NULL DEFAULT 'My Business',
    "timeZone" TEXT NOT NULL DEFAULT 'Europe/London',
    "defaultStartTime" TEXT NOT NULL DEFAULT '09:00',
    "defaultDurationMin" INTEGER NOT NULL DEFAULT 60,
    "horizonWeeks" INTEGER NOT NULL DEFAULT 8,
    "feedPastDays" INTEGER NOT NULL DEFAULT 30,
    "feedFutureDays" INTEGER NOT NULL DEFAULT 180,
    "paymentFailedPolicy" TEXT NOT NULL DEFAULT 'keep',
    "demoData" BOOLEAN NOT NULL DEFAULT false,
    "demoWiped" BOOLEAN NOT NULL DEFAULT false
);

-- CreateTable
CREATE TABLE "Staff" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "email" TEXT,
    "color" TEXT NOT NULL DEFAULT '#2563eb',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" DATETIME,
    "revokedAt" DATETIME
);

-- CreateTable
CREATE TABLE "CalendarFeed" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "tokenHash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "staffId" INTEGER,
    "clientStripeId" TEXT,
    "label" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" DATETIME,
    CONSTRAINT "CalendarFeed_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "Staff" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Client_stripeId_key" ON "Client"("stripeId");

-- CreateIndex
CREATE INDEX "Client_email_idx" ON "Client"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Product_stripeId_key" ON "Product"("stripeId");

-- CreateIndex
CREATE UNIQUE INDEX "Price_stripeId_key" ON "Price"("stripeId");

-- CreateIndex
CREATE INDEX "Price_productStripeId_idx" ON "Price"("productStripeId");

-- CreateIndex
CREATE INDEX "Price_lookupKey_idx" ON "Price"("lookupKey");

-- CreateIndex
CREATE UNIQUE INDEX "SubscriptionMap_stripeId_key" ON "SubscriptionMap"("stripeId");

-- CreateIndex
CREATE INDEX "SubscriptionMap_clientStripeId_idx" ON "SubscriptionMap"("clientStripeId");

-- CreateIndex
CREATE UNIQUE INDEX "SubscriptionItemMap_stripeId_key" ON "SubscriptionItemMap"("stripeId");

-- CreateIndex
CREATE INDEX "SubscriptionItemMap_subscriptionStripeId_idx" ON "SubscriptionItemMap"("subscriptionStripeId");

-- CreateIndex
CREATE INDEX "SubscriptionItemMap_priceStripeId_idx" ON "SubscriptionItemMap"("priceStripeId");

-- CreateIndex
CREATE UNIQUE INDEX "InvoiceMap_stripeId_key" ON "InvoiceMap"("stripeId");

-- CreateIndex
CREATE INDEX "InvoiceMap_clientStripeId_idx" ON "InvoiceMap"("clientStripeId");

-- CreateIndex
CREATE INDEX "InvoiceMap_subscriptionStripeId_idx" ON "InvoiceMap"("subscriptionStripeId");

-- CreateIndex
CREATE INDEX "InvoiceMap_status_idx" ON "InvoiceMap"("status");

-- CreateIndex
CREATE INDEX "InvoiceLineMap_priceStripeId_idx" ON "InvoiceLineMap"("priceStripeId");

-- CreateIndex
CREATE UNIQUE INDEX "InvoiceLineMap_invoiceStripeId_stripeId_key" ON "InvoiceLineMap"("invoiceStripeId", "stripeId");

-- CreateIndex
CREATE UNIQUE INDEX "InvoiceItem_stripeId_key" ON "InvoiceItem"("stripeId");

-- CreateIndex
CREATE INDEX "InvoiceItem_invoiceStripeId_idx" ON "InvoiceItem"("invoiceStripeId");

-- CreateIndex
CREATE UNIQUE INDEX "Booking_bookingKey_key" ON "Booking"("bookingKey");

-- CreateIndex
CREATE INDEX "Booking_startAt_idx" ON "Booking"("startAt");

-- CreateIndex
CREATE INDEX "Booking_sourceKind_sourceId_idx" ON "Booking"("sourceKind", "sourceId");

-- CreateIndex
CREATE INDEX "Booking_staffId_startAt_idx" ON "Booking"("staffId", "startAt");

-- CreateIndex
CREATE INDEX "Booking_clientStripeId_startAt_idx" ON "Booking"("clientStripeId", "startAt");

-- CreateIndex
CREATE INDEX "Booking_updatedAt_idx" ON "Booking"("updatedAt");

-- CreateIndex
CREATE INDEX "Rule_active_priority_idx" ON "Rule"("active", "priority");

-- CreateIndex
CREATE UNIQUE INDEX "DedupEvent_kind_externalId_key" ON "DedupEvent"("kind", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "WebhookEvent_stripeEventId_key" ON "WebhookEvent"("stripeEventId");

-- CreateIndex
CREATE INDEX "WebhookEvent_status_receivedAt_idx" ON "WebhookEvent"("status", "receivedAt");

-- CreateIndex
CREATE INDEX "SyncRun_status_startedAt_idx" ON "SyncRun"("status", "startedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Staff_email_key" ON "Staff"("email");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "CalendarFeed_tokenHash_key" ON "CalendarFeed"("tokenHash");
