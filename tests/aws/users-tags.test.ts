import { describe, expect, it } from "vitest";
import {
  CreateUserCommand,
  GetUserCommand,
  LimitExceededException,
  ListUserTagsCommand,
  NoSuchEntityException,
  TagUserCommand,
  UntagUserCommand,
  type Tag,
} from "@aws-sdk/client-iam";
import { putInlinePolicy } from "@/lib/data/put-inline-policy";
import { events, freshAccount } from "@/tests/support/identity";
import { iamClient, rootCredentials, userCredentials, failure, auditOf } from "@/tests/support/aws";

const numbered = (from: number, count: number): Tag[] => Array.from({ length: count }, (_, i) => ({ Key: `k${String(from + i).padStart(2, "0")}`, Value: `v${from + i}` }));

// https://docs.aws.amazon.com/IAM/latest/APIReference/API_TagUser.html
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_UntagUser.html
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListUserTags.html
describe("a user's tags through the AWS endpoint", () => {
  it("tags, overwrites, lists and untags, read back through ListUserTags and GetUser, logged and audited", async () => {
    const account = await freshAccount();
    const iam = iamClient(await rootCredentials(account));
    await iam.send(new CreateUserCommand({ UserName: "dana", Tags: [{ Key: "team", Value: "blue" }] }));
    await iam.send(new TagUserCommand({ UserName: "dana", Tags: [{ Key: "Team", Value: "red" }, { Key: "cost", Value: "42" }] }));
    const listed = await iam.send(new ListUserTagsCommand({ UserName: "dana" }));
    // The key's spelling and value are the new ones; keys compare case-insensitively.
    expect(listed.Tags).toEqual([{ Key: "cost", Value: "42" }, { Key: "Team", Value: "red" }]);
    expect(listed.IsTruncated).toBe(false);
    expect(listed.Marker).toBeUndefined();
    await iam.send(new UntagUserCommand({ UserName: "dana", TagKeys: ["TEAM", "not-there"] }));
    expect((await iam.send(new GetUserCommand({ UserName: "dana" }))).User?.Tags).toEqual([{ Key: "cost", Value: "42" }]);
    const logged = (await events(account)).filter((e) => e.action === "TagUser" || e.action === "UntagUser");
    expect(logged).toEqual([
      { action: "TagUser", targetArn: `arn:aws:iam::${account}:user/dana`, summary: "Tagged user dana with Team, cost." },
      { action: "UntagUser", targetArn: `arn:aws:iam::${account}:user/dana`, summary: "Removed tags from user dana: Team." },
    ]);
    expect((await auditOf(account, "TagUser")).map((e) => e.errorCode)).toEqual([null]);
    expect((await auditOf(account, "UntagUser")).map((e) => e.errorCode)).toEqual([null]);
    // Reads are not in the trail unless refused.
    expect(await auditOf(account, "ListUserTags")).toEqual([]);
  });

  it("pages ListUserTags with MaxItems and Marker, never repeating or skipping a tag", async () => {
    const account = await freshAccount();
    const iam = iamClient(await rootCredentials(account));
    await iam.send(new CreateUserCommand({ UserName: "dana", Tags: numbered(0, 7) }));
    const seen: string[] = [];
    let marker: string | undefined;
    let pages = 0;
    do {
      const answer = await iam.send(new ListUserTagsCommand({ UserName: "dana", MaxItems: 3, Marker: marker }));
      seen.push(...(answer.Tags ?? []).map((tag) => tag.Key ?? ""));
      marker = answer.IsTruncated ? answer.Marker : undefined;
      pages++;
    } while (marker);
    expect(pages).toBe(3);
    expect(seen).toEqual(["k00", "k01", "k02", "k03", "k04", "k05", "k06"]);
  });

  it("answers LimitExceeded past 50 tags and writes nothing", async () => {
    const account = await freshAccount();
    const iam = iamClient(await rootCredentials(account));
    await iam.send(new CreateUserCommand({ UserName: "dana", Tags: numbered(0, 30) }));
    const over = await failure(iam.send(new TagUserCommand({ UserName: "dana", Tags: numbered(30, 21) })));
    expect(over).toBeInstanceOf(LimitExceededException);
    expect(over).toMatchObject({ $metadata: { httpStatusCode: 409 } });
    expect(over.message).toBe("User dana would have 51 tags; at most 50 are allowed. Remove some first.");
    expect((await iam.send(new ListUserTagsCommand({ UserName: "dana" }))).Tags).toHaveLength(30);
    // Overwriting keys it has does not count against the limit.
    await iam.send(new TagUserCommand({ UserName: "dana", Tags: [...numbered(0, 30), ...numbered(30, 20)] }));
    expect((await iam.send(new ListUserTagsCommand({ UserName: "dana" }))).Tags).toHaveLength(50);
    expect((await auditOf(account, "TagUser")).map((e) => e.errorCode)).toEqual(["LimitExceeded", null]);
  });

  it("answers NoSuchEntity for a missing user and ValidationError naming the parameter", async () => {
    const account = await freshAccount();
    const iam = iamClient(await rootCredentials(account));
    await iam.send(new CreateUserCommand({ UserName: "dana" }));
    await expect(iam.send(new TagUserCommand({ UserName: "nobody", Tags: [{ Key: "a", Value: "b" }] }))).rejects.toBeInstanceOf(NoSuchEntityException);
    await expect(iam.send(new UntagUserCommand({ UserName: "nobody", TagKeys: ["a"] }))).rejects.toBeInstanceOf(NoSuchEntityException);
    await expect(iam.send(new ListUserTagsCommand({ UserName: "nobody" }))).rejects.toBeInstanceOf(NoSuchEntityException);
    const reserved = await failure(iam.send(new TagUserCommand({ UserName: "dana", Tags: [{ Key: "aws:owner", Value: "x" }] })));
    expect(reserved).toMatchObject({ name: "ValidationError", $metadata: { httpStatusCode: 400 } });
    expect(reserved.message).toBe('Tags.0.key: Tag keys starting with "aws:" are reserved for AWS.');
    const badName = await failure(iam.send(new ListUserTagsCommand({ UserName: "no/slash" })));
    expect(badName.message).toBe("UserName: User name may contain only letters, digits and + = , . @ _ - (no spaces).");
    const badMax = await failure(iam.send(new ListUserTagsCommand({ UserName: "dana", MaxItems: 0 })));
    expect(badMax.message).toBe("MaxItems: must be at least 1.");
  });

  it("refuses a user without permission with AWS's words, and honours aws:RequestTag in a policy", async () => {
    const account = await freshAccount();
    const root = iamClient(await rootCredentials(account));
    await root.send(new CreateUserCommand({ UserName: "dana" }));
    await root.send(new CreateUserCommand({ UserName: "erin" }));
    const erin = iamClient(await userCredentials(account, "erin"));
    const refused = await failure(erin.send(new TagUserCommand({ UserName: "dana", Tags: [{ Key: "team", Value: "red" }] })));
    expect(refused).toMatchObject({ name: "AccessDenied", $metadata: { httpStatusCode: 403 } });
    expect(refused.message).toBe(
      `User: arn:aws:iam::${account}:user/erin is not authorized to perform: iam:TagUser on resource: arn:aws:iam::${account}:user/dana because no identity-based policy allows the iam:TagUser action`,
    );
    // Allowed only to tag team=blue: the request's tags are the condition's context.
    await putInlinePolicy("user", account, "erin", "BlueOnly", JSON.stringify({
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Action: "iam:TagUser", Resource: "*", Condition: { StringEquals: { "aws:RequestTag/team": "blue" } } }],
    }));
    await erin.send(new TagUserCommand({ UserName: "dana", Tags: [{ Key: "team", Value: "blue" }] }));
    await expect(erin.send(new TagUserCommand({ UserName: "dana", Tags: [{ Key: "team", Value: "red" }] }))).rejects.toMatchObject({ name: "AccessDenied" });
    expect((await root.send(new ListUserTagsCommand({ UserName: "dana" }))).Tags).toEqual([{ Key: "team", Value: "blue" }]);
    const listRefused = await failure(erin.send(new ListUserTagsCommand({ UserName: "dana" })));
    expect(listRefused.message).toBe(
      `User: arn:aws:iam::${account}:user/erin is not authorized to perform: iam:ListUserTags on resource: arn:aws:iam::${account}:user/dana because no identity-based policy allows the iam:ListUserTags action`,
    );
    expect((await auditOf(account, "TagUser")).map((e) => e.errorCode)).toEqual(["AccessDenied", null, "AccessDenied"]);
    expect((await auditOf(account, "ListUserTags")).map((e) => [e.errorCode, e.readOnly])).toEqual([["AccessDenied", true]]);
  });
});
