import { describe, expect, it } from "vitest";
import { CreateUserCommand, GetUserCommand, ListUsersCommand, NoSuchEntityException, EntityAlreadyExistsException, PutUserPolicyCommand } from "@aws-sdk/client-iam";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { freshAccount } from "@/tests/support/identity";
import { iamClient, rootCredentials, stsClient, userCredentials } from "@/tests/support/aws";

// IAM API Reference: CreateUser, GetUser, ListUsers (Marker, MaxItems, IsTruncated).
describe("users through the AWS endpoint, with the real IAM client", () => {
  it("creates a user and reads it back, and answers NoSuchEntity and EntityAlreadyExists in AWS's codes", async () => {
    const account = await freshAccount();
    const iam = iamClient(await rootCredentials(account));
    const created = await iam.send(new CreateUserCommand({ UserName: "dana", Path: "/eng/", Tags: [{ Key: "team", Value: "blue" }] }));
    expect(created.User?.Arn).toBe(`arn:aws:iam::${account}:user/eng/dana`);
    expect(created.User?.UserId).toMatch(/^AIDA[A-Z2-7]{17}$/);
    expect(created.User?.CreateDate).toBeInstanceOf(Date);
    const read = await iam.send(new GetUserCommand({ UserName: "dana" }));
    expect(read.User?.Tags).toEqual([{ Key: "team", Value: "blue" }]);
    await expect(iam.send(new GetUserCommand({ UserName: "nobody" }))).rejects.toBeInstanceOf(NoSuchEntityException);
    await expect(iam.send(new CreateUserCommand({ UserName: "DANA" }))).rejects.toBeInstanceOf(EntityAlreadyExistsException);
  });

  it("pages ListUsers with MaxItems and Marker, never repeating or skipping a user", async () => {
    const account = await freshAccount();
    const iam = iamClient(await rootCredentials(account));
    for (let i = 0; i < 7; i++) await iam.send(new CreateUserCommand({ UserName: `u${i}` }));
    const seen: string[] = [];
    let marker: string | undefined;
    let pages = 0;
    do {
      const answer = await iam.send(new ListUsersCommand({ MaxItems: 3, Marker: marker }));
      seen.push(...(answer.Users ?? []).map((user) => user.UserName ?? ""));
      marker = answer.IsTruncated ? answer.Marker : undefined;
      pages++;
    } while (marker);
    expect(pages).toBe(3);
    expect(seen).toEqual(["u0", "u1", "u2", "u3", "u4", "u5", "u6"]);
  });

  it("answers GetUser without a name as the calling user, and GetCallerIdentity with its ARN", async () => {
    const account = await freshAccount();
    const root = iamClient(await rootCredentials(account));
    await root.send(new CreateUserCommand({ UserName: "erin" }));
    const erin = await userCredentials(account, "erin");
    const sts = stsClient(erin, "eu-west-1");
    const who = await sts.send(new GetCallerIdentityCommand({}));
    expect(who).toMatchObject({ Account: account, Arn: `arn:aws:iam::${account}:user/erin` });
    // erin has no policy: her own GetUser is refused with AWS's words and the engine's reason.
    const refused = await iamClient(erin).send(new GetUserCommand({})).catch((err: unknown) => err as { name: string; message: string; $metadata: { httpStatusCode: number } });
    expect(refused).toMatchObject({ name: "AccessDenied", $metadata: { httpStatusCode: 403 } });
    expect((refused as { message: string }).message).toBe(
      `User: arn:aws:iam::${account}:user/erin is not authorized to perform: iam:GetUser on resource: arn:aws:iam::${account}:user/erin because no identity-based policy allows the iam:GetUser action`,
    );
  });

  it("decides GetUser with the user's tags as resource keys, as the console's own GetUser does (iam:ResourceTag)", async () => {
    const account = await freshAccount();
    const root = iamClient(await rootCredentials(account));
    await root.send(new CreateUserCommand({ UserName: "blue", Tags: [{ Key: "team", Value: "blue" }] }));
    await root.send(new CreateUserCommand({ UserName: "red", Tags: [{ Key: "team", Value: "red" }] }));
    await root.send(new CreateUserCommand({ UserName: "reader" }));
    const policy = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "iam:GetUser", Resource: "*", Condition: { StringEquals: { "iam:ResourceTag/team": "blue" } } }] };
    await root.send(new PutUserPolicyCommand({ UserName: "reader", PolicyName: "blue-only", PolicyDocument: JSON.stringify(policy) }));
    const reader = iamClient(await userCredentials(account, "reader"));
    expect((await reader.send(new GetUserCommand({ UserName: "blue" }))).User?.UserName).toBe("blue");
    const refused = await reader.send(new GetUserCommand({ UserName: "red" })).catch((err: unknown) => err as { name: string });
    expect(refused).toMatchObject({ name: "AccessDenied" });
  });
});
