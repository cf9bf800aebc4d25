-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ChangeEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "accountId" TEXT,
    "action" TEXT NOT NULL,
    "targetArn" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "actorArn" TEXT,
    "accessKeyId" TEXT,
    "sourceIp" TEXT,
    "userAgent" TEXT,
    "mfa" BOOLEAN,
    CONSTRAINT "ChangeEvent_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_ChangeEvent" ("accessKeyId", "accountId", "action", "actorArn", "at", "id", "mfa", "sourceIp", "summary", "targetArn", "userAgent") SELECT "accessKeyId", "accountId", "action", "actorArn", "at", "id", "mfa", "sourceIp", "summary", "targetArn", "userAgent" FROM "ChangeEvent";
DROP TABLE "ChangeEvent";
ALTER TABLE "new_ChangeEvent" RENAME TO "ChangeEvent";
CREATE INDEX "ChangeEvent_accountId_at_idx" ON "ChangeEvent"("accountId", "at");
CREATE INDEX "ChangeEvent_targetArn_at_idx" ON "ChangeEvent"("targetArn", "at");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

