import { describe, expect, it } from "vitest";
import { createUser } from "@/lib/data/create-user";
import { updateUser } from "@/lib/data/update-user";
import { sessionCaller } from "@/lib/auth/authenticate";
import { freshAccount } from "@/tests/support/identity";
import { sessionCookie } from "@/tests/support/session";

// IAM User Guide, "Renaming an IAM user": the user keeps its unique ID, policies and credentials;
// its console sessions go on as that user, under its new name (aws:username follows the user).
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_users_rename.html
describe("a console session of a user renamed while signed in", () => {
  it("acts as the same user under the new name and path, not as a new user made under the old name", async () => {
    const account = await freshAccount();
    await createUser(account, { userName: "alice", path: "/", tags: [] });
    const token = (await sessionCookie({ accountId: account, userName: "alice" })).split("=")[1];
    const before = await sessionCaller(token);
    await updateUser(account, "alice", { newUserName: "alice-old", newPath: "/former/" });
    await createUser(account, { userName: "alice", path: "/", tags: [] });
    const after = await sessionCaller(token);
    expect(after?.identity.userId).toBe(before?.identity.userId);
    expect(after?.identity.arn).toBe(`arn:aws:iam::${account}:user/former/alice-old`);
    expect(after?.identity.signedIn.userName).toBe("alice-old");
  });
});
