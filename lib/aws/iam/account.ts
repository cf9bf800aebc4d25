import "server-only";
import { z } from "@/lib/schemas/zod";
import { op } from "@/lib/api/operations";
import { getAccountSummary } from "@/lib/data/account-summary";
import { accountOf, awsOperation, type SomeAwsOperation } from "@/lib/aws/operation";
import { XmlEntries } from "@/lib/aws/xml";
import { accountAliasOperations } from "@/lib/aws/iam/account-aliases";
import { accountPasswordPolicyOperations } from "@/lib/aws/iam/account-password-policy";
import { authorizationDetailsOperations } from "@/lib/aws/iam/authorization-details";
import { credentialReportOperations } from "@/lib/aws/iam/credential-report";

/**
 * IAM's account-level operations: the alias, the password policy, the summary, the authorization
 * details and the credential report. GetAccountSummary is authorized as the console's account
 * route authorizes it (iam:GetAccountSummary on "*", its action having no resource type).
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountSummary.html
 */

const getAccountSummaryOperation = awsOperation({
  service: "iam",
  action: "GetAccountSummary",
  readOnly: true,
  input: z.object({}),
  authorize: (_input, caller) => op(accountOf(caller), "iam:GetAccountSummary", "*"),
  run: async (_input, caller) => ({ SummaryMap: new XmlEntries(await getAccountSummary(accountOf(caller))) }),
});

export const accountOperations: SomeAwsOperation[] = [
  ...accountAliasOperations,
  ...accountPasswordPolicyOperations,
  getAccountSummaryOperation,
  ...authorizationDetailsOperations,
  ...credentialReportOperations,
];
