import "server-only";
import { z } from "@/lib/schemas/zod";
import { accountAlias } from "@/lib/schemas/common";
import { op } from "@/lib/api/operations";
import { deleteAccountAlias, listAccountAliases } from "@/lib/data/account-alias";
import { updateAccount } from "@/lib/data/update-account";
import { IamError, alreadyExists } from "@/lib/errors";
import { accountOf, awsOperation, type SomeAwsOperation } from "@/lib/aws/operation";
import { pagingFields } from "@/lib/aws/inputs";
import { pageOfAll, paging } from "@/lib/aws/paging";

/**
 * The account alias (IAM allows one per account): CreateAccountAlias through updateAccount, as the
 * console's Account settings change it; DeleteAccountAlias and ListAccountAliases through
 * lib/data/account-alias.ts (an account without an alias keeps its ID in the alias column). The
 * three actions have no resource type in the Service Authorization Reference: their resource is "*".
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateAccountAlias.html
 */

const createAccountAliasOperation = awsOperation({
  service: "iam",
  action: "CreateAccountAlias",
  input: z.object({ AccountAlias: accountAlias }),
  authorize: (_input, caller) => op(accountOf(caller), "iam:CreateAccountAlias", "*"),
  run: async (input, caller) => {
    try {
      await updateAccount(accountOf(caller), { alias: input.AccountAlias });
    } catch (err) {
      // AWS does not say which account holds the alias.
      if (err instanceof IamError && err.code === "EntityAlreadyExists") throw alreadyExists(`The account alias ${input.AccountAlias} already exists.`, "AccountAlias");
      throw err;
    }
    return null;
  },
});

/** DeleteAccountAlias's AccountAlias: AWS's pattern (3–63 lower-case letters, digits, single hyphens). */
const aliasToDelete = z
  .string("AccountAlias is required.")
  .regex(/^[a-z0-9](?:[a-z0-9]|-(?!-)){1,61}[a-z0-9]$/, "AccountAlias must be 3 to 63 lower-case letters, digits and single hyphens, starting and ending with a letter or digit.");

const deleteAccountAliasOperation = awsOperation({
  service: "iam",
  action: "DeleteAccountAlias",
  input: z.object({ AccountAlias: aliasToDelete }),
  authorize: (_input, caller) => op(accountOf(caller), "iam:DeleteAccountAlias", "*"),
  run: async (input, caller) => {
    await deleteAccountAlias(accountOf(caller), input.AccountAlias);
    return null;
  },
});

const listAccountAliasesOperation = awsOperation({
  service: "iam",
  action: "ListAccountAliases",
  readOnly: true,
  input: z.object({ ...pagingFields }),
  authorize: (_input, caller) => op(accountOf(caller), "iam:ListAccountAliases", "*"),
  run: async (input, caller) => {
    const { items, IsTruncated, Marker } = pageOfAll(await listAccountAliases(accountOf(caller)), paging(input), (alias) => alias);
    return { AccountAliases: items, IsTruncated, Marker };
  },
});

export const accountAliasOperations: SomeAwsOperation[] = [createAccountAliasOperation, deleteAccountAliasOperation, listAccountAliasesOperation];
