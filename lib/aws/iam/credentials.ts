import "server-only";
import type { SomeAwsOperation } from "@/lib/aws/operation";
import { accessKeyOperations } from "@/lib/aws/iam/credential-access-keys";
import { loginProfileOperations } from "@/lib/aws/iam/credential-login-profiles";

/** A user's credentials: access keys and console passwords (MFA devices are in mfa.ts). */
export const credentialOperations: SomeAwsOperation[] = [...accessKeyOperations, ...loginProfileOperations];
