import { beforeAll, describe, expect, it } from "vitest";
import { listAssumableRoles, listRoleAssumers } from "@/lib/data/assumable-roles";
import { PROD, SECURITY } from "@/prisma/seed/demo";
import { everyAccount } from "@/tests/support/every-account";
import { seedDatabase } from "@/prisma/seed/run";

// The demo data's cross-account role: CrossAccountAuditor (acme-security) trusts acme-prod's
// account when MFA is present. Of acme-prod's principals with sts permissions, bob (PowerUserAccess),
// carol (AdministratorAccess) and OrganizationAccountAccessRole (whose inline AdministratorAccess
// allows everything: org-admin's way into acme-prod) may assume it with MFA; dave's boundary (DevBoundary: S3,
// CloudWatch, logs) and RoleName's policies (ReadOnlyAccess) allow no sts:AssumeRole whatever
// the context, so they are not "with more context" either.
beforeAll(async () => {
  await seedDatabase();
}, 120_000);

const firstPage = { page: 1, pageSize: 25, conditionalPage: 1 };
const MFA = { "aws:MultiFactorAuthPresent": "true" };

describe("who can assume CrossAccountAuditor (demo data)", () => {
  it("lists only bob, carol and OrganizationAccountAccessRole as needing more context, with the value that lets them in", async () => {
    const without = await listRoleAssumers(SECURITY, "CrossAccountAuditor", {}, firstPage, await everyAccount());
    expect(without.items).toEqual([]);
    expect(without.conditional.items.map((c) => [c.principal.name, c.missingContextValues, c.context])).toEqual([
      ["OrganizationAccountAccessRole", ["aws:MultiFactorAuthPresent"], MFA],
      ["bob", ["aws:MultiFactorAuthPresent"], MFA],
      ["carol", ["aws:MultiFactorAuthPresent"], MFA],
    ]);
  });

  it("allows exactly those with the stated context", async () => {
    const withMfa = await listRoleAssumers(SECURITY, "CrossAccountAuditor", MFA, firstPage, await everyAccount());
    expect(withMfa.items.map((a) => `${a.name}:${a.crossAccount}`)).toEqual(["OrganizationAccountAccessRole:true", "bob:true", "carol:true"]);
    expect(withMfa.conditional.total).toBe(0);
  });

  it("does not tell dave he could assume it with MFA; tells bob", async () => {
    const dave = await listAssumableRoles(PROD, "dave", {}, firstPage, await everyAccount());
    expect(dave.conditional).toMatchObject({ items: [], total: 0 });
    expect((await listAssumableRoles(PROD, "dave", MFA, firstPage, await everyAccount())).items).toEqual([]);
    const bob = await listAssumableRoles(PROD, "bob", {}, firstPage, await everyAccount());
    expect(bob.conditional.items.map((c) => [c.role.name, c.context])).toEqual([["CrossAccountAuditor", MFA]]);
  });
});
