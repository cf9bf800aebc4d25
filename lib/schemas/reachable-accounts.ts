// The accounts a multi-account view read (who-can, the catalog's policy lists, who may assume a
// role), each through the caller's own policies or a role it may assume, and those it could not.

/** An account the view read: the caller's own, or through a role the caller may assume there. */
export type AccountRead =
  | { accountId: string; alias: string; via: "own" }
  | { accountId: string; alias: string; via: "role"; roleName: string; roleArn: string };

/** An account the view left out, with why: `message` is AWS's refusal of the nearest attempt. */
export interface AccountUnread {
  accountId: string;
  alias: string;
  reason: string;
  message: string | null;
}

export interface AccountsRead {
  read: AccountRead[];
  unread: AccountUnread[];
}
