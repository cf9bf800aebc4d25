import "server-only";
import { z } from "@/lib/schemas/zod";
import { op } from "@/lib/api/operations";
import { passwordPolicySchema } from "@/lib/auth/password-policy-schema";
import { deletePasswordPolicy } from "@/lib/data/delete-password-policy";
import { getPasswordPolicy } from "@/lib/data/get-password-policy";
import { updatePasswordPolicy } from "@/lib/data/update-password-policy";
import { noSuchEntity } from "@/lib/errors";
import { accountOf, awsOperation, type SomeAwsOperation } from "@/lib/aws/operation";
import { awsBoolean, awsInteger } from "@/lib/aws/inputs";

/**
 * The account password policy, through the same lib/data functions as the console's
 * /password-policy route, authorized as it is (the three actions' resource is "*").
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountPasswordPolicy.html
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_UpdateAccountPasswordPolicy.html
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteAccountPasswordPolicy.html
 */

const getAccountPasswordPolicyOperation = awsOperation({
  service: "iam",
  action: "GetAccountPasswordPolicy",
  readOnly: true,
  input: z.object({}),
  authorize: (_input, caller) => op(accountOf(caller), "iam:GetAccountPasswordPolicy", "*"),
  run: async (_input, caller) => {
    const account = accountOf(caller);
    const { passwordPolicy: policy } = await getPasswordPolicy(account);
    // AWS answers NoSuchEntity when no custom policy is set (the console shows AWS's default instead).
    if (policy === null) throw noSuchEntity(`The Password Policy with domain name ${account} cannot be found.`);
    return {
      PasswordPolicy: {
        MinimumPasswordLength: policy.MinimumPasswordLength,
        RequireSymbols: policy.RequireSymbols,
        RequireNumbers: policy.RequireNumbers,
        RequireUppercaseCharacters: policy.RequireUppercaseCharacters,
        RequireLowercaseCharacters: policy.RequireLowercaseCharacters,
        AllowUsersToChangePassword: policy.AllowUsersToChangePassword,
        ExpirePasswords: policy.ExpirePasswords,
        MaxPasswordAge: policy.MaxPasswordAge,
        PasswordReusePrevention: policy.PasswordReusePrevention,
        HardExpiry: policy.HardExpiry,
      },
    };
  },
});

/**
 * The Query API's settings, as text, read into the console's schema: every setting left out
 * takes UpdateAccountPasswordPolicy's default there, and its bounds are checked there too.
 * MaxPasswordAge 0 and PasswordReusePrevention 0 are accepted for "none", as the CLI sends them.
 */
const updateInput = z
  .object({
    MinimumPasswordLength: awsInteger(6, 128).optional(),
    RequireSymbols: awsBoolean.optional(),
    RequireNumbers: awsBoolean.optional(),
    RequireUppercaseCharacters: awsBoolean.optional(),
    RequireLowercaseCharacters: awsBoolean.optional(),
    AllowUsersToChangePassword: awsBoolean.optional(),
    MaxPasswordAge: awsInteger(0, 1095).optional(),
    PasswordReusePrevention: awsInteger(0, 24).optional(),
    HardExpiry: awsBoolean.optional(),
  })
  .transform(({ MaxPasswordAge, PasswordReusePrevention, ...rest }) => ({
    ...Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined)),
    ...(MaxPasswordAge ? { MaxPasswordAge } : {}),
    ...(PasswordReusePrevention ? { PasswordReusePrevention } : {}),
  }))
  .pipe(passwordPolicySchema);

const updateAccountPasswordPolicyOperation = awsOperation({
  service: "iam",
  action: "UpdateAccountPasswordPolicy",
  input: updateInput,
  authorize: (_input, caller) => op(accountOf(caller), "iam:UpdateAccountPasswordPolicy", "*"),
  run: async (input, caller) => {
    await updatePasswordPolicy(accountOf(caller), input);
    return null;
  },
});

const deleteAccountPasswordPolicyOperation = awsOperation({
  service: "iam",
  action: "DeleteAccountPasswordPolicy",
  input: z.object({}),
  authorize: (_input, caller) => op(accountOf(caller), "iam:DeleteAccountPasswordPolicy", "*"),
  run: async (_input, caller) => {
    await deletePasswordPolicy(accountOf(caller));
    return null;
  },
});

export const accountPasswordPolicyOperations: SomeAwsOperation[] = [
  getAccountPasswordPolicyOperation,
  updateAccountPasswordPolicyOperation,
  deleteAccountPasswordPolicyOperation,
];
