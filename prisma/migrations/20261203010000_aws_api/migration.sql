-- CreateTable
CREATE TABLE "InstanceProfile" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameLower" TEXT NOT NULL,
    "path" TEXT NOT NULL DEFAULT '/',
    "arn" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "roleId" TEXT,
    CONSTRAINT "InstanceProfile_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "InstanceProfile_roleId_fkey" FOREIGN KEY ("roleId") REFERENCES "Role" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TemporaryCredential" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sealedSecret" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "sourceArn" TEXT NOT NULL,
    "sourceUserId" TEXT,
    "sourceAccountId" TEXT NOT NULL,
    "roleArn" TEXT,
    "roleId" TEXT,
    "roleSessionName" TEXT,
    "sessionPolicy" TEXT,
    "sessionTags" TEXT,
    "transitiveTagKeys" TEXT,
    "sourceIdentity" TEXT,
    "chained" BOOLEAN NOT NULL DEFAULT false,
    "mfaAt" DATETIME,
    "issuedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    "lastUsedAt" DATETIME,
    CONSTRAINT "TemporaryCredential_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "InstanceProfile_arn_key" ON "InstanceProfile"("arn");

-- CreateIndex
CREATE INDEX "InstanceProfile_accountId_createdAt_idx" ON "InstanceProfile"("accountId", "createdAt");

-- CreateIndex
CREATE INDEX "InstanceProfile_roleId_idx" ON "InstanceProfile"("roleId");

-- CreateIndex
CREATE UNIQUE INDEX "InstanceProfile_accountId_nameLower_key" ON "InstanceProfile"("accountId", "nameLower");

-- CreateIndex
CREATE INDEX "TemporaryCredential_expiresAt_idx" ON "TemporaryCredential"("expiresAt");

-- CreateIndex
CREATE INDEX "TemporaryCredential_accountId_idx" ON "TemporaryCredential"("accountId");

