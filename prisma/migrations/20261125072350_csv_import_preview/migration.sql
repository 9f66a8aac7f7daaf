-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('PREVIEW', 'APPLIED', 'DISCARDED');

-- AlterTable
ALTER TABLE "csv_import" ADD COLUMN     "appliedAt" TIMESTAMPTZ(3),
ADD COLUMN     "delimiter" TEXT NOT NULL DEFAULT ',',
ADD COLUMN     "encoding" TEXT NOT NULL DEFAULT 'utf-8',
ADD COLUMN     "preview" JSONB,
ADD COLUMN     "rowCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "sizeBytes" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "sourceTicketId" UUID,
ADD COLUMN     "status" "ImportStatus" NOT NULL DEFAULT 'PREVIEW';

-- CreateTable
-- Staging only (between preview and apply): not worth WAL; a crash means previewing again.
CREATE UNLOGGED TABLE "csv_import_row" (
    "importId" UUID NOT NULL,
    "line" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "id" UUID NOT NULL,
    "data" JSONB NOT NULL,

    CONSTRAINT "csv_import_row_pkey" PRIMARY KEY ("importId","line")
);

-- CreateIndex
CREATE INDEX "csv_import_row_importId_type_id_idx" ON "csv_import_row"("importId", "type", "id");
