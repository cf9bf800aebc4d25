import { describe, expect, it } from "vitest";
import {
  CreatePolicyCommand,
  CreateUserCommand,
  GetPolicyCommand,
  ListEntitiesForPolicyCommand,
  ListPolicyTagsCommand,
  TagPolicyCommand,
  UntagPolicyCommand,
} from "@aws-sdk/client-iam";
import { attachPolicy } from "@/lib/data/attach-policy";
import { createGroup } from "@/lib/data/create-group";
import { createRole } from "@/lib/data/create-role";
import { putInlinePolicy } from "@/lib/data/put-inline-policy";
import { putPermissionsBoundary } from "@/lib/data/put-permissions-boundary";
import { iamClient, userCredentials } from "@/tests/support/aws";
import { trusting } from "@/tests/support/policies";
import { allow, audited, awsPolicyArn, changes, failure, rootOfFreshAccount } from "@/tests/aws/policies-support";

const READ = allow("s3:GetObject");

// IAM API Reference: TagPolicy, UntagPolicy, ListPolicyTags.
describe("policy tags through the AWS endpoint (API_TagPolicy, API_UntagPolicy, API_ListPolicyTags)", () => {
  it("tags, overwrites, lists (paged) and untags, read back through ListPolicyTags and GetPolicy, logged and audited", async () => {
    const { account, iam } = await rootOfFreshAccount();
    const arn = (await iam.send(new CreatePolicyCommand({ PolicyName: "tagged", PolicyDocument: READ, Tags: [{ Key: "team", Value: "blue" }] }))).Policy?.Arn ?? "";
    await iam.send(new TagPolicyCommand({ PolicyArn: arn, Tags: [{ Key: "Team", Value: "red" }, { Key: "env", Value: "dev" }, { Key: "cost", Value: "" }] }));
    const tags = await iam.send(new ListPolicyTagsCommand({ PolicyArn: arn }));
    expect(tags.Tags).toEqual([{ Key: "cost", Value: "" }, { Key: "env", Value: "dev" }, { Key: "Team", Value: "red" }]);
    expect(tags.IsTruncated).toBe(false);
    expect((await iam.send(new GetPolicyCommand({ PolicyArn: arn }))).Policy?.Tags).toEqual(tags.Tags);

    const firstPage = await iam.send(new ListPolicyTagsCommand({ PolicyArn: arn, MaxItems: 2 }));
    expect(firstPage.Tags?.map((tag) => tag.Key)).toEqual(["cost", "env"]);
    expect(firstPage.IsTruncated).toBe(true);
    const rest = await iam.send(new ListPolicyTagsCommand({ PolicyArn: arn, MaxItems: 2, Marker: firstPage.Marker }));
    expect(rest.Tags?.map((tag) => tag.Key)).toEqual(["Team"]);
    expect(rest.IsTruncated).toBe(false);

    // Keys match case-insensitively; keys the policy does not have are ignored, as in AWS.
    await iam.send(new UntagPolicyCommand({ PolicyArn: arn, TagKeys: ["TEAM", "cost", "absent"] }));
    expect((await iam.send(new ListPolicyTagsCommand({ PolicyArn: arn }))).Tags).toEqual([{ Key: "env", Value: "dev" }]);

    const root = `arn:aws:iam::${account}:root`;
    expect(await changes(account, "TagPolicy")).toEqual([{ action: "TagPolicy", targetArn: arn, summary: "Tagged policy tagged with Team, env, cost.", actorArn: root }]);
    expect(await changes(account, "UntagPolicy")).toEqual([{ action: "UntagPolicy", targetArn: arn, summary: "Removed tags from policy tagged: cost, Team.", actorArn: root }]);
    const trail = await audited(account, "TagPolicy");
    expect(trail.map((event) => [event.resourceArn, event.errorCode])).toEqual([[arn, null]]);
    expect(JSON.parse(trail[0].requestParameters ?? "{}")).toMatchObject({ policyArn: arn });
    expect((await audited(account, "UntagPolicy")).map((event) => event.errorCode)).toEqual([null]);
  });

  it("answers LimitExceeded past 50 tags, ValidationError for bad tags, NoSuchEntity, and refuses AWS managed policies with the data layer's refusal", async () => {
    const { account, iam } = await rootOfFreshAccount();
    const many = Array.from({ length: 30 }, (_, i) => ({ Key: `k${i}`, Value: "v" }));
    const arn = (await iam.send(new CreatePolicyCommand({ PolicyName: "crowded", PolicyDocument: READ, Tags: many }))).Policy?.Arn ?? "";
    const more = Array.from({ length: 21 }, (_, i) => ({ Key: `m${i}`, Value: "v" }));
    expect(await failure(iam.send(new TagPolicyCommand({ PolicyArn: arn, Tags: more })))).toEqual({
      code: "LimitExceeded",
      status: 409,
      message: "Policy crowded would have 51 tags; at most 50 are allowed. Remove some first.",
    });
    expect((await iam.send(new ListPolicyTagsCommand({ PolicyArn: arn }))).Tags).toHaveLength(30);
    expect((await failure(iam.send(new TagPolicyCommand({ PolicyArn: arn, Tags: [{ Key: "aws:reserved", Value: "x" }] })))).code).toBe("ValidationError");
    expect((await failure(iam.send(new UntagPolicyCommand({ PolicyArn: arn, TagKeys: ["x".repeat(129)] })))).code).toBe("ValidationError");
    expect((await failure(iam.send(new TagPolicyCommand({ PolicyArn: `arn:aws:iam::${account}:policy/none`, Tags: [{ Key: "a", Value: "b" }] })))).code).toBe("NoSuchEntity");
    expect((await failure(iam.send(new ListPolicyTagsCommand({ PolicyArn: `arn:aws:iam::${account}:policy/none` })))).code).toBe("NoSuchEntity");

    const managed = awsPolicyArn("AdministratorAccess");
    const refusal = `${managed} is an AWS managed policy and cannot be modified; create a customer managed policy instead.`;
    expect(await failure(iam.send(new TagPolicyCommand({ PolicyArn: managed, Tags: [{ Key: "a", Value: "b" }] })))).toEqual({ code: "ValidationError", status: 400, message: refusal });
    expect(await failure(iam.send(new UntagPolicyCommand({ PolicyArn: managed, TagKeys: ["a"] })))).toEqual({ code: "ValidationError", status: 400, message: refusal });
    expect((await iam.send(new ListPolicyTagsCommand({ PolicyArn: managed }))).Tags ?? []).toEqual([]);
    expect((await audited(account, "TagPolicy")).map((event) => event.errorCode)).toEqual(["LimitExceeded", "NoSuchEntity", "ValidationError"]);
    expect(await changes(account, "TagPolicy")).toEqual([]);
  });

  it("authorizes with aws:RequestTag/…, aws:TagKeys and the policy's aws:ResourceTag/…, as the console's routes do", async () => {
    const { account, iam } = await rootOfFreshAccount();
    const dev = (await iam.send(new CreatePolicyCommand({ PolicyName: "dev-policy", PolicyDocument: READ, Tags: [{ Key: "env", Value: "dev" }] }))).Policy?.Arn ?? "";
    const prod = (await iam.send(new CreatePolicyCommand({ PolicyName: "prod-policy", PolicyDocument: READ, Tags: [{ Key: "env", Value: "prod" }] }))).Policy?.Arn ?? "";
    await iam.send(new CreateUserCommand({ UserName: "tagger" }));
    const rules = JSON.stringify({
      Version: "2012-10-17",
      Statement: [
        { Effect: "Allow", Action: ["iam:GetPolicy", "iam:ListPolicyTags"], Resource: "*", Condition: { StringEquals: { "aws:ResourceTag/env": "dev" } } },
        { Effect: "Allow", Action: "iam:TagPolicy", Resource: "*", Condition: { StringEquals: { "aws:RequestTag/owner": "tagger" } } },
        { Effect: "Allow", Action: "iam:UntagPolicy", Resource: "*", Condition: { "ForAllValues:StringEquals": { "aws:TagKeys": ["owner"] } } },
      ],
    });
    await putInlinePolicy("user", account, "tagger", "tagging", rules);
    const tagger = iamClient(await userCredentials(account, "tagger"));
    expect((await tagger.send(new GetPolicyCommand({ PolicyArn: dev }))).Policy?.PolicyName).toBe("dev-policy");
    const prodRead = await failure(tagger.send(new GetPolicyCommand({ PolicyArn: prod })));
    expect(prodRead.code).toBe("AccessDenied");
    expect(prodRead.message).toContain(`iam:GetPolicy on resource: ${prod}`);

    await tagger.send(new TagPolicyCommand({ PolicyArn: prod, Tags: [{ Key: "owner", Value: "tagger" }] }));
    expect((await failure(tagger.send(new TagPolicyCommand({ PolicyArn: prod, Tags: [{ Key: "owner", Value: "someone" }] })))).code).toBe("AccessDenied");
    expect((await failure(tagger.send(new UntagPolicyCommand({ PolicyArn: prod, TagKeys: ["env"] })))).code).toBe("AccessDenied");
    await tagger.send(new UntagPolicyCommand({ PolicyArn: prod, TagKeys: ["owner"] }));
    expect((await iam.send(new ListPolicyTagsCommand({ PolicyArn: prod }))).Tags).toEqual([{ Key: "env", Value: "prod" }]);
    expect((await audited(account, "TagPolicy")).map((event) => [event.principalArn, event.errorCode])).toEqual([
      [`arn:aws:iam::${account}:user/tagger`, null],
      [`arn:aws:iam::${account}:user/tagger`, "AccessDenied"],
    ]);
  });
});

// IAM API Reference: ListEntitiesForPolicy (EntityFilter, PathPrefix, PolicyUsageFilter; PolicyGroups, PolicyUsers, PolicyRoles).
describe("ListEntitiesForPolicy through the AWS endpoint (API_ListEntitiesForPolicy)", () => {
  async function holders() {
    const { account, iam } = await rootOfFreshAccount();
    const arn = (await iam.send(new CreatePolicyCommand({ PolicyName: "shared", PolicyDocument: READ }))).Policy?.Arn ?? "";
    const users = {
      ann: (await iam.send(new CreateUserCommand({ UserName: "ann" }))).User?.UserId,
      bob: (await iam.send(new CreateUserCommand({ UserName: "bob", Path: "/eng/" }))).User?.UserId,
      cid: (await iam.send(new CreateUserCommand({ UserName: "cid" }))).User?.UserId,
    };
    const group = await createGroup(account, { groupName: "devs", path: "/eng/" });
    const role = await createRole(account, { roleName: "app", path: "/", description: "", trustPolicy: trusting(`arn:aws:iam::${account}:root`), maxSessionDuration: 3600, tags: [] });
    await attachPolicy("user", account, "ann", arn);
    await attachPolicy("user", account, "bob", arn);
    await attachPolicy("group", account, "devs", arn);
    await attachPolicy("role", account, "app", arn);
    await putPermissionsBoundary("user", account, "cid", arn);
    await putPermissionsBoundary("role", account, "app", arn);
    return { account, iam, arn, users, groupId: group.groupId, roleId: role.roleId };
  }

  it("lists the users, groups and roles with the policy, each once, by filter and path", async () => {
    const { iam, arn, users, groupId, roleId } = await holders();
    const all = await iam.send(new ListEntitiesForPolicyCommand({ PolicyArn: arn }));
    expect(all.PolicyUsers).toEqual([{ UserName: "ann", UserId: users.ann }, { UserName: "bob", UserId: users.bob }, { UserName: "cid", UserId: users.cid }]);
    expect(all.PolicyGroups).toEqual([{ GroupName: "devs", GroupId: groupId }]);
    // The role both has the policy attached and as its boundary: it is listed once.
    expect(all.PolicyRoles).toEqual([{ RoleName: "app", RoleId: roleId }]);
    expect(all.IsTruncated).toBe(false);

    const attachedUsers = await iam.send(new ListEntitiesForPolicyCommand({ PolicyArn: arn, EntityFilter: "User", PolicyUsageFilter: "PermissionsPolicy" }));
    expect(attachedUsers.PolicyUsers?.map((u) => u.UserName)).toEqual(["ann", "bob"]);
    expect(attachedUsers.PolicyGroups ?? []).toEqual([]);
    expect(attachedUsers.PolicyRoles ?? []).toEqual([]);
    const boundaries = await iam.send(new ListEntitiesForPolicyCommand({ PolicyArn: arn, PolicyUsageFilter: "PermissionsBoundary" }));
    expect(boundaries.PolicyUsers?.map((u) => u.UserName)).toEqual(["cid"]);
    expect(boundaries.PolicyRoles?.map((r) => r.RoleName)).toEqual(["app"]);
    expect(boundaries.PolicyGroups ?? []).toEqual([]);
    const eng = await iam.send(new ListEntitiesForPolicyCommand({ PolicyArn: arn, PathPrefix: "/eng/" }));
    expect([eng.PolicyUsers?.map((u) => u.UserName), eng.PolicyGroups?.map((g) => g.GroupName), eng.PolicyRoles ?? []]).toEqual([["bob"], ["devs"], []]);
    const roles = await iam.send(new ListEntitiesForPolicyCommand({ PolicyArn: arn, EntityFilter: "Role" }));
    expect([roles.PolicyUsers ?? [], roles.PolicyRoles?.map((r) => r.RoleName)]).toEqual([[], ["app"]]);
    const policies = await iam.send(new ListEntitiesForPolicyCommand({ PolicyArn: arn, EntityFilter: "LocalManagedPolicy" }));
    expect([policies.PolicyUsers ?? [], policies.PolicyGroups ?? [], policies.PolicyRoles ?? []]).toEqual([[], [], []]);
  });

  it("pages with MaxItems and Marker across the three lists without repeats, and answers NoSuchEntity, ValidationError and AccessDenied", async () => {
    const { account, iam, arn } = await holders();
    const seen: string[] = [];
    let marker: string | undefined;
    let pages = 0;
    do {
      const answer = await iam.send(new ListEntitiesForPolicyCommand({ PolicyArn: arn, MaxItems: 2, Marker: marker }));
      seen.push(...(answer.PolicyUsers ?? []).map((u) => `user:${u.UserName}`), ...(answer.PolicyGroups ?? []).map((g) => `group:${g.GroupName}`), ...(answer.PolicyRoles ?? []).map((r) => `role:${r.RoleName}`));
      marker = answer.IsTruncated ? answer.Marker : undefined;
      pages++;
    } while (marker);
    expect(pages).toBe(3);
    expect(seen).toEqual(["user:ann", "user:bob", "user:cid", "group:devs", "role:app"]);

    expect((await failure(iam.send(new ListEntitiesForPolicyCommand({ PolicyArn: `arn:aws:iam::${account}:policy/none` })))).code).toBe("NoSuchEntity");
    expect((await failure(iam.send(new ListEntitiesForPolicyCommand({ PolicyArn: arn, EntityFilter: "Robot" as never })))).code).toBe("ValidationError");
    expect((await failure(iam.send(new ListEntitiesForPolicyCommand({ PolicyArn: arn, PathPrefix: "eng" })))).code).toBe("ValidationError");
    const ann = iamClient(await userCredentials(account, "ann"));
    const refused = await failure(ann.send(new ListEntitiesForPolicyCommand({ PolicyArn: arn })));
    expect(refused).toEqual({
      code: "AccessDenied",
      status: 403,
      message: `User: arn:aws:iam::${account}:user/ann is not authorized to perform: iam:ListEntitiesForPolicy on resource: ${arn} because no identity-based policy allows the iam:ListEntitiesForPolicy action`,
    });
    expect((await audited(account, "ListEntitiesForPolicy")).map((event) => [event.errorCode, event.readOnly])).toEqual([["AccessDenied", true]]);
  });

  it("lists this account's holders of an AWS managed policy only", async () => {
    const { account, iam } = await rootOfFreshAccount();
    const arn = awsPolicyArn("AWSLambdaBasicExecutionRole");
    const role = await createRole(account, { roleName: "fn", path: "/", description: "", trustPolicy: trusting(`arn:aws:iam::${account}:root`), maxSessionDuration: 3600, tags: [] });
    await attachPolicy("role", account, "fn", arn);
    const { account: other } = await rootOfFreshAccount();
    await createRole(other, { roleName: "theirs", path: "/", description: "", trustPolicy: trusting(`arn:aws:iam::${other}:root`), maxSessionDuration: 3600, tags: [] });
    await attachPolicy("role", other, "theirs", arn);
    const answer = await iam.send(new ListEntitiesForPolicyCommand({ PolicyArn: arn }));
    expect(answer.PolicyRoles).toEqual([{ RoleName: "fn", RoleId: role.roleId }]);
    expect(answer.PolicyUsers ?? []).toEqual([]);
  });
});
