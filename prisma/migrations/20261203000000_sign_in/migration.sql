-- AlterTable
ALTER TABLE "Account" ADD COLUMN "managementAccountId" TEXT;
ALTER TABLE "Account" ADD COLUMN "passwordPolicy" TEXT;
ALTER TABLE "Account" ADD COLUMN "rootPasswordHash" TEXT;
ALTER TABLE "Account" ADD COLUMN "rootPasswordSetAt" DATETIME;

-- AlterTable
ALTER TABLE "ChangeEvent" ADD COLUMN "accessKeyId" TEXT;
ALTER TABLE "ChangeEvent" ADD COLUMN "actorArn" TEXT;
ALTER TABLE "ChangeEvent" ADD COLUMN "mfa" BOOLEAN;
ALTER TABLE "ChangeEvent" ADD COLUMN "sourceIp" TEXT;
ALTER TABLE "ChangeEvent" ADD COLUMN "userAgent" TEXT;

-- CreateTable
CREATE TABLE "PasswordHistory" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "userId" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "setAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PasswordHistory_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Session" (
    "idHash" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "userId" TEXT,
    "principalArn" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    "mfaAt" DATETIME,
    "mustChangePassword" BOOLEAN NOT NULL DEFAULT false,
    "sourceIp" TEXT NOT NULL,
    "userAgent" TEXT NOT NULL,
    "roleArn" TEXT,
    "roleId" TEXT,
    "roleSessionName" TEXT,
    "roleDisplayName" TEXT,
    "roleColor" TEXT,
    "roleIssuedAt" DATETIME,
    "roleExpiresAt" DATETIME
);

-- CreateTable
CREATE TABLE "RecentRole" (
    "principalArn" TEXT NOT NULL,
    "roleArn" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "color" TEXT NOT NULL,
    "usedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("principalArn", "roleArn")
);

-- CreateTable
CREATE TABLE "SignInThrottle" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "failures" TEXT NOT NULL,
    "lockedUntil" DATETIME
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "eventId" TEXT NOT NULL,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "accountId" TEXT,
    "eventSource" TEXT NOT NULL,
    "eventName" TEXT NOT NULL,
    "eventType" TEXT NOT NULL,
    "readOnly" BOOLEAN NOT NULL DEFAULT false,
    "identityType" TEXT,
    "principalArn" TEXT,
    "principalAccountId" TEXT,
    "userName" TEXT,
    "accessKeyId" TEXT,
    "sessionIssuerArn" TEXT,
    "mfa" BOOLEAN NOT NULL DEFAULT false,
    "sourceIp" TEXT NOT NULL,
    "userAgent" TEXT NOT NULL,
    "requestParameters" TEXT,
    "responseElements" TEXT,
    "additionalEventData" TEXT,
    "errorCode" TEXT,
    "errorMessage" TEXT,
    "resourceArn" TEXT
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_AccessKey" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "userId" TEXT,
    "secretHash" TEXT NOT NULL,
    "sealedSecret" TEXT,
    "status" TEXT NOT NULL DEFAULT 'Active',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" DATETIME,
    "lastUsedService" TEXT,
    "lastUsedRegion" TEXT,
    CONSTRAINT "AccessKey_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AccessKey_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
-- Every existing key belongs to a user: its account is the user's.
INSERT INTO "new_AccessKey" ("accountId", "createdAt", "id", "lastUsedAt", "lastUsedService", "secretHash", "status", "userId") SELECT "User"."accountId", "AccessKey"."createdAt", "AccessKey"."id", "AccessKey"."lastUsedAt", "AccessKey"."lastUsedService", "AccessKey"."secretHash", "AccessKey"."status", "AccessKey"."userId" FROM "AccessKey" JOIN "User" ON "User"."id" = "AccessKey"."userId";
DROP TABLE "AccessKey";
ALTER TABLE "new_AccessKey" RENAME TO "AccessKey";
CREATE INDEX "AccessKey_userId_idx" ON "AccessKey"("userId");
CREATE INDEX "AccessKey_accountId_idx" ON "AccessKey"("accountId");
CREATE TABLE "new_MfaDevice" (
    "arn" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameLower" TEXT NOT NULL,
    "userId" TEXT,
    "forRoot" BOOLEAN NOT NULL DEFAULT false,
    "enabledAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sealedSeed" TEXT,
    "lastUsedStep" INTEGER,
    CONSTRAINT "MfaDevice_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MfaDevice_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_MfaDevice" ("accountId", "arn", "createdAt", "enabledAt", "name", "nameLower", "userId") SELECT "accountId", "arn", "createdAt", "enabledAt", "name", "nameLower", "userId" FROM "MfaDevice";
DROP TABLE "MfaDevice";
ALTER TABLE "new_MfaDevice" RENAME TO "MfaDevice";
CREATE INDEX "MfaDevice_userId_idx" ON "MfaDevice"("userId");
CREATE UNIQUE INDEX "MfaDevice_accountId_nameLower_key" ON "MfaDevice"("accountId", "nameLower");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "PasswordHistory_userId_setAt_idx" ON "PasswordHistory"("userId", "setAt");

-- CreateIndex
CREATE INDEX "Session_principalArn_idx" ON "Session"("principalArn");

-- CreateIndex
CREATE INDEX "Session_expiresAt_idx" ON "Session"("expiresAt");

-- CreateIndex
CREATE INDEX "RecentRole_principalArn_usedAt_idx" ON "RecentRole"("principalArn", "usedAt");

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_eventId_key" ON "AuditEvent"("eventId");

-- CreateIndex
CREATE INDEX "AuditEvent_accountId_at_idx" ON "AuditEvent"("accountId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_principalArn_at_idx" ON "AuditEvent"("principalArn", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at");

