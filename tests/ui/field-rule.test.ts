import { describe, expect, it } from "vitest";
import { ruleError } from "@/components/ui/field-rule";
import { accountAlias, groupName, iamPath, policyName, roleName, userName } from "@/lib/schemas/common";

// The live checks of the create forms use the API's own schemas: the same message as typed as
// the server would answer, per entity (CreateUser, CreateGroup, CreateRole, CreatePolicy).

describe("ruleError", () => {
  it("passes a name that follows AWS's rules", () => {
    expect(ruleError(userName, "alice+ops=1,a.b@c_d-e")).toBeUndefined();
  });

  it("names the character rule for a space or a slash", () => {
    expect(ruleError(userName, "bad name")).toBe("User name may contain only letters, digits and + = , . @ _ - (no spaces).");
    expect(ruleError(roleName, "a/b")).toMatch(/^Role name may contain only/);
  });

  it("applies each entity's own length", () => {
    expect(ruleError(userName, "u".repeat(64))).toBeUndefined();
    expect(ruleError(userName, "u".repeat(65))).toBe("User name must be at most 64 characters.");
    expect(ruleError(roleName, "r".repeat(65))).toBe("Role name must be at most 64 characters.");
    expect(ruleError(groupName, "g".repeat(128))).toBeUndefined();
    expect(ruleError(groupName, "g".repeat(129))).toBe("Group name must be at most 128 characters.");
    expect(ruleError(policyName, "p".repeat(129))).toBe("Policy name must be at most 128 characters.");
  });

  it("asks for a name when there is none", () => {
    expect(ruleError(policyName, "   ")).toBe("Policy name is required.");
  });

  it("checks paths and account aliases too", () => {
    expect(ruleError(iamPath, "/engineering/")).toBeUndefined();
    expect(ruleError(iamPath, "engineering")).toMatch(/^Path must be "\/"/);
    expect(ruleError(accountAlias, "Acme")).toMatch(/lower-case/);
  });
});
