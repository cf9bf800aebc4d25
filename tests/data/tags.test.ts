import { beforeEach, describe, expect, it } from "vitest";
import { createUser } from "@/lib/data/create-user";
import { listResourceTags } from "@/lib/data/list-resource-tags";
import { tagResource } from "@/lib/data/tag-resource";
import { untagResource } from "@/lib/data/untag-resource";
import { MAX_TAGS } from "@/lib/schemas/common";
import { events, freshAccount } from "@/tests/support/identity";

let accountId: string;
beforeEach(async () => {
  accountId = await freshAccount();
  await createUser(accountId, { userName: "tagged", path: "/", tags: [{ key: "Team", value: "core" }] });
});

const manyTags = (n: number, prefix = "k") => Array.from({ length: n }, (_, i) => ({ key: `${prefix}${i}`, value: "v" }));

describe("user tags", () => {
  it("adds new keys and overwrites existing ones case-insensitively", async () => {
    const tags = await tagResource("user", accountId, "tagged", [
      { key: "team", value: "platform" },
      { key: "Env", value: "prod" },
    ]);
    expect(tags).toEqual([
      { key: "Env", value: "prod" },
      { key: "team", value: "platform" },
    ]);
    expect(await listResourceTags("user", accountId, "tagged")).toEqual(tags);
  });

  it("refuses to go past 50 tags in total and changes nothing", async () => {
    await tagResource("user", accountId, "tagged", manyTags(MAX_TAGS - 1));
    expect(await listResourceTags("user", accountId, "tagged")).toHaveLength(50);
    await expect(tagResource("user", accountId, "tagged", [{ key: "extra", value: "" }])).rejects.toMatchObject({
      code: "LimitExceeded",
      field: "tags",
    });
    expect((await listResourceTags("user", accountId, "tagged")).some((t) => t.key === "extra")).toBe(false);
    // Overwriting at the limit is fine: the total stays 50.
    await expect(tagResource("user", accountId, "tagged", [{ key: "K0", value: "new" }])).resolves.toHaveLength(50);
  });

  it("removes keys case-insensitively, ignoring keys the user lacks", async () => {
    await tagResource("user", accountId, "tagged", [{ key: "Env", value: "prod" }]);
    await untagResource("user", accountId, "tagged", ["TEAM", "missing"]);
    expect(await listResourceTags("user", accountId, "tagged")).toEqual([{ key: "Env", value: "prod" }]);
    const actions = (await events(accountId)).map((e) => e.action);
    expect(actions).toEqual(["CreateAccount", "CreateUser", "TagUser", "UntagUser"]);
  });

  it("answers NoSuchEntity for an unknown user", async () => {
    await expect(tagResource("user", accountId, "ghost", [{ key: "a", value: "b" }])).rejects.toMatchObject({
      code: "NoSuchEntity",
      field: "userName",
    });
  });
});
