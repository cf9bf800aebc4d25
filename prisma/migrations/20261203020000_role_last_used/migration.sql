-- AlterTable
ALTER TABLE "Role" ADD COLUMN "lastUsedAt" DATETIME;
ALTER TABLE "Role" ADD COLUMN "lastUsedRegion" TEXT;

