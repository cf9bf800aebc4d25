-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN "principalId" TEXT;
ALTER TABLE "AuditEvent" ADD COLUMN "sessionCreatedAt" DATETIME;

