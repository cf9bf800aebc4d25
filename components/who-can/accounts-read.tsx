import { shownAlias, type AliasedAccount } from "@/components/accounts/account-alias";
import type { AccountsRead } from "@/lib/schemas/reachable-accounts";

/** "acme-prod (123456789012)"; an account without an alias by its ID alone. */
const name = (account: AliasedAccount) => {
  const alias = shownAlias(account);
  return alias ? (
    <>
      <strong>{alias}</strong> <span className="font-mono text-muted">({account.accountId})</span>
    </>
  ) : (
    <strong className="font-mono">{account.accountId}</strong>
  );
};

/**
 * Which accounts a multi-account answer covers, one line each: "your account" or "read through
 * OrganizationAccountAccessRole"; then those it could not read, with why (AWS's refusal beneath).
 */
export function AccountsReadNote({ accounts, className = "" }: { accounts: AccountsRead; className?: string }) {
  const { read, unread } = accounts;
  return (
    <div className={`flex flex-col gap-2 text-sm ${className}`}>
      {read.length === 0 ? (
        <p className="font-semibold">No account could be read.</p>
      ) : (
        <ul aria-label="Accounts read" className="flex flex-col gap-0.5">
          {read.map((account) => (
            <li key={account.accountId}>
              {name(account)}: {account.via === "own" ? "your account" : <>read through {account.roleName}</>}
            </li>
          ))}
        </ul>
      )}
      {unread.length > 0 && (
        <ul aria-label="Accounts not read" className="flex flex-col gap-1">
          {unread.map((account) => (
            <li key={account.accountId}>
              Could not read: {name(account)} — {account.reason}
              {account.message && <span className="block wrap-anywhere text-muted">{account.message}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
