import { expect, type APIRequestContext, type APIResponse } from "@playwright/test";
import { isRecord } from "../../lib/iam/client";

// Arranges test data through the console's own JSON API (docs/api.md), so a spec spends its
// browser time only on the flow it is about.

export const PROD_ACCOUNT = "123456789012";

export interface AccountCounts {
  users: number;
  groups: number;
  roles: number;
  policies: number;
}

/** A name no other test (or earlier run against the same database) uses: `e2e-user-lx3k9-a1f`. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
}

async function ok(response: APIResponse): Promise<unknown> {
  await expect(response, `${response.url()} answered ${response.status()}`).toBeOK();
  return response.status() === 204 ? undefined : response.json();
}

export class IamApi {
  constructor(
    private readonly request: APIRequestContext,
    readonly accountId: string = PROD_ACCOUNT,
  ) {}

  private url(path: string): string {
    return `/api/v1/accounts/${encodeURIComponent(this.accountId)}${path}`;
  }

  async createUser(userName: string): Promise<void> {
    await ok(await this.request.post(this.url("/users"), { data: { userName } }));
  }

  async createGroup(groupName: string): Promise<void> {
    await ok(await this.request.post(this.url("/groups"), { data: { groupName } }));
  }

  async addUserToGroup(userName: string, groupName: string): Promise<void> {
    await ok(await this.request.post(this.url(`/users/${encodeURIComponent(userName)}/groups`), { data: { groupName } }));
  }

  async attachUserPolicy(userName: string, policyArn: string): Promise<void> {
    await ok(await this.request.post(this.url(`/users/${encodeURIComponent(userName)}/attached-policies`), { data: { policyArn } }));
  }

  /** CreateAccessKey; returns the new key's id. */
  async createAccessKey(userName: string): Promise<string> {
    const body = await ok(await this.request.post(this.url(`/users/${encodeURIComponent(userName)}/access-keys`)));
    if (!isRecord(body) || typeof body.accessKeyId !== "string") throw new Error("CreateAccessKey answered without an accessKeyId");
    return body.accessKeyId;
  }

  /** The HTTP status of GET on an entity: 200 while it exists, 404 once it is gone. */
  async status(path: string): Promise<number> {
    return (await this.request.get(this.url(path))).status();
  }

  /** The newest change-log events (action, target and who made it). */
  async changes(): Promise<{ action: string; targetArn: string; actorArn: string | null }[]> {
    const body = await ok(await this.request.get(this.url("/changes?pageSize=100")));
    const items = isRecord(body) && Array.isArray(body.items) ? body.items.filter(isRecord) : [];
    return items.map((item) => ({
      action: String(item.action),
      targetArn: String(item.targetArn),
      actorArn: isRecord(item.actor) && typeof item.actor.arn === "string" ? item.actor.arn : null,
    }));
  }

  async counts(): Promise<AccountCounts> {
    const body = await ok(await this.request.get(this.url("")));
    const counts = isRecord(body) ? body.counts : undefined;
    if (!isRecord(counts)) throw new Error("The account answered without counts");
    const read = (key: keyof AccountCounts): number => {
      const value = counts[key];
      if (typeof value !== "number") throw new Error(`The account's ${key} count is not a number`);
      return value;
    };
    return { users: read("users"), groups: read("groups"), roles: read("roles"), policies: read("policies") };
  }
}
