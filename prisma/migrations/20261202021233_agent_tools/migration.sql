-- CreateEnum
CREATE TYPE "AttachmentType" AS ENUM ('PNG', 'JPEG', 'WEBP', 'PDF');

-- AlterTable
ALTER TABLE "restore_ticket" ADD COLUMN     "firstResponseAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "ticket_attachment" (
    "id" UUID NOT NULL,
    "ticketId" UUID NOT NULL,
    "accountId" UUID NOT NULL,
    "uploaderId" UUID NOT NULL,
    "eventId" UUID,
    "fileName" TEXT NOT NULL,
    "type" "AttachmentType" NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "storagePath" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "removedAt" TIMESTAMPTZ(3),

    CONSTRAINT "ticket_attachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ticket_presence" (
    "ticketId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "typing" BOOLEAN NOT NULL DEFAULT false,
    "seenAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ticket_presence_pkey" PRIMARY KEY ("ticketId","userId")
);

-- CreateTable
CREATE TABLE "canned_reply" (
    "id" UUID NOT NULL,
    "locale" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "updatedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "canned_reply_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ticket_attachment_storagePath_key" ON "ticket_attachment"("storagePath");

-- CreateIndex
CREATE INDEX "ticket_attachment_ticketId_createdAt_idx" ON "ticket_attachment"("ticketId", "createdAt");

-- CreateIndex
CREATE INDEX "ticket_attachment_eventId_idx" ON "ticket_attachment"("eventId");

-- CreateIndex
CREATE INDEX "ticket_attachment_uploaderId_ticketId_idx" ON "ticket_attachment"("uploaderId", "ticketId");

-- CreateIndex
CREATE INDEX "ticket_presence_seenAt_idx" ON "ticket_presence"("seenAt");

-- CreateIndex
CREATE UNIQUE INDEX "canned_reply_locale_title_key" ON "canned_reply"("locale", "title");

-- AddForeignKey
ALTER TABLE "ticket_attachment" ADD CONSTRAINT "ticket_attachment_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "restore_ticket"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ticket_attachment" ADD CONSTRAINT "ticket_attachment_uploaderId_fkey" FOREIGN KEY ("uploaderId") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ticket_attachment" ADD CONSTRAINT "ticket_attachment_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "ticket_event"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ticket_presence" ADD CONSTRAINT "ticket_presence_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "restore_ticket"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ticket_presence" ADD CONSTRAINT "ticket_presence_userId_fkey" FOREIGN KEY ("userId") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "canned_reply" ADD CONSTRAINT "canned_reply_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Backfill: the first-response timer of existing tickets, from their timelines
-- (support's first public reply or question to the requester).
UPDATE "restore_ticket" t SET "firstResponseAt" = first.at
FROM (
  SELECT e."ticketId", min(e."createdAt") AS at
  FROM "ticket_event" e JOIN "app_user" u ON u."id" = e."actorId" JOIN "restore_ticket" r ON r."id" = e."ticketId"
  WHERE u."kind" = 'SUPPORT' AND e."internal" = false AND e."kind" IN ('REPLY', 'INFO_REQUESTED')
    -- an answer after the ticket closed is no first response
    AND (r."closedAt" IS NULL OR e."createdAt" <= r."closedAt")
  GROUP BY e."ticketId"
) first
WHERE first."ticketId" = t."id";
