import { describe, expect, it } from "vitest";
import { accountLabel, shownAlias } from "@/components/accounts/account-alias";
import { accountSettingsChanges, savedAccountSettings } from "@/components/accounts/account-settings-changes";
import type { Account } from "@/lib/schemas/account";

// After IAM's DeleteAccountAlias the account keeps its own ID where the alias was
// (lib/data/account-alias.ts): the console shows the ID once, never as an alias, and Account
// settings sends only what changed, never an empty alias.
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteAccountAlias.html

const ID = "123456789012";
const account = (alias: string): Account => ({
  accountId: ID,
  alias,
  displayName: "Acme Production",
  rootEmail: "root@example.com",
  createdAt: "2026-12-03T08:00:00.000Z",
  managementAccountId: null,
  counts: { users: 0, groups: 0, roles: 0, policies: 0 },
});

describe("an account's alias as the console shows it", () => {
  it("is the alias, or none when the account's ID stands in for it", () => {
    expect(shownAlias(account("acme-prod"))).toBe("acme-prod");
    expect(shownAlias(account(ID))).toBeNull();
  });

  it("labels the account 'alias (ID)', or by its ID once", () => {
    expect(accountLabel(account("acme-prod"))).toBe(`acme-prod (${ID})`);
    expect(accountLabel(account(ID))).toBe(ID);
  });
});

describe("Account settings' alias and display name form", () => {
  it("shows an empty alias for an account without one", () => {
    expect(savedAccountSettings(account(ID))).toEqual({ alias: "", displayName: "Acme Production", rootEmail: "root@example.com" });
    expect(savedAccountSettings(account("acme-prod")).alias).toBe("acme-prod");
  });

  it("sends only the fields changed, and nothing when nothing changed", () => {
    const saved = savedAccountSettings(account(ID));
    expect(accountSettingsChanges(saved, saved)).toBeNull();
    expect(accountSettingsChanges(saved, { ...saved, displayName: "Renamed" })).toEqual({ displayName: "Renamed" });
    expect(accountSettingsChanges(saved, { ...saved, rootEmail: "owner@example.com" })).toEqual({ rootEmail: "owner@example.com" });
    expect(accountSettingsChanges(saved, { ...saved, alias: "new-alias", displayName: "Renamed" })).toEqual({ alias: "new-alias", displayName: "Renamed" });
  });

  it("never sends an empty alias", () => {
    const saved = savedAccountSettings(account("acme-prod"));
    expect(accountSettingsChanges(saved, { ...saved, alias: "" })).toBeNull();
    expect(accountSettingsChanges(saved, { ...saved, alias: "  ", displayName: "Renamed" })).toEqual({ displayName: "Renamed" });
  });
});
