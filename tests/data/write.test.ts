import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { write } from "@/lib/data/write";

describe("write", () => {
  it("keeps the change log and the write together", async () => {
    await write(async (tx, log) => {
      await tx.account.create({
        data: { id: "111122223333", alias: "t-one", displayName: "One", rootEmail: "a@example.com" },
      });
      log({ accountId: "111122223333", action: "CreateAccount", targetArn: "arn:aws:iam::111122223333:root", summary: "created" });
    });
    expect(await db().changeEvent.count({ where: { accountId: "111122223333" } })).toBe(1);
  });

  it("leaves nothing behind when the write fails half-way", async () => {
    await expect(
      write(async (tx, log) => {
        await tx.account.create({
          data: { id: "444455556666", alias: "t-two", displayName: "Two", rootEmail: "b@example.com" },
        });
        log({ accountId: "444455556666", action: "CreateAccount", targetArn: "x", summary: "created" });
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await db().account.findUnique({ where: { id: "444455556666" } })).toBeNull();
    expect(await db().changeEvent.count({ where: { accountId: "444455556666" } })).toBe(0);
  });
});
