// The console's ARNs are built and read by the engine's one ARN module ("IAM identifiers" in the
// IAM User Guide); this is the app's door to it, safe for browser code.
export {
  accountRootArn,
  arnAccount,
  assumedRoleArn,
  awsManagedPolicyArn,
  customerPolicyArn,
  federatedUserArn,
  groupArn,
  iamArn,
  isRoleArn,
  mfaDeviceArn,
  parseIamArn,
  roleArn,
  userArn,
  type IamEntityArn,
  type IamEntityKind,
} from "@/lib/iam/client";
