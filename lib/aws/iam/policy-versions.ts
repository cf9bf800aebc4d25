import "server-only";
import { z } from "@/lib/schemas/zod";
import { createPolicyVersion } from "@/lib/data/create-policy-version";
import { deletePolicyVersion } from "@/lib/data/delete-policy-version";
import { setDefaultPolicyVersion } from "@/lib/data/set-default-policy-version";
import { getPolicyVersionByArn, listPolicyVersionsByArn } from "@/lib/data/policy-by-arn";
import { policyArn } from "@/lib/schemas/common";
import { createPolicyVersionInput, versionId } from "@/lib/schemas/policy";
import { accountOf, awsOperation, type SomeAwsOperation } from "@/lib/aws/operation";
import { awsBoolean, pagingFields } from "@/lib/aws/inputs";
import { pageOfAll, paging } from "@/lib/aws/paging";
import { encodedDocument, when } from "@/lib/aws/shapes";
import { customerPolicyName, onPolicyArn } from "@/lib/aws/iam/policy-shared";
import type { PolicyVersion } from "@/lib/schemas/policy";

/**
 * IAM's policy version operations (IAM API Reference: CreatePolicyVersion, GetPolicyVersion,
 * ListPolicyVersions, DeletePolicyVersion, SetDefaultPolicyVersion), authorized on the policy's
 * ARN as the console's …/policies/{policyName}/versions and …/default-version routes do.
 */

/** The PolicyVersion data type; Document only where AWS answers it (GetPolicyVersion), URL-encoded. */
const versionOut = (version: PolicyVersion, withDocument: boolean) => ({
  Document: withDocument ? encodedDocument(version.document) : undefined,
  VersionId: version.versionId,
  IsDefaultVersion: version.isDefault,
  CreateDate: when(version.createdAt),
});

/** LimitExceeded at five versions, MalformedPolicyDocument and the size quota: the data layer's, as AWS. */
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreatePolicyVersion.html
const createPolicyVersionOperation = awsOperation({
  service: "iam",
  action: "CreatePolicyVersion",
  input: z.object({ PolicyArn: policyArn, PolicyDocument: createPolicyVersionInput.shape.policyDocument, SetAsDefault: awsBoolean.default(false) }),
  authorize: (input, caller) => onPolicyArn(caller, input.PolicyArn, "iam:CreatePolicyVersion"),
  run: async (input, caller) => {
    const name = await customerPolicyName(caller, input.PolicyArn);
    const version = await createPolicyVersion(accountOf(caller), name, { policyDocument: input.PolicyDocument, setAsDefault: input.SetAsDefault });
    return { PolicyVersion: versionOut(version, false) };
  },
});

// https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetPolicyVersion.html
const getPolicyVersionOperation = awsOperation({
  service: "iam",
  action: "GetPolicyVersion",
  readOnly: true,
  input: z.object({ PolicyArn: policyArn, VersionId: versionId }),
  authorize: (input, caller) => onPolicyArn(caller, input.PolicyArn, "iam:GetPolicyVersion"),
  run: async (input, caller) => ({ PolicyVersion: versionOut(await getPolicyVersionByArn(accountOf(caller), input.PolicyArn, input.VersionId), true) }),
});

/** Newest first; the key orders v10 before v9 as text (paging.ts compares keys as strings). */
const newestFirst = (version: PolicyVersion) => String(1e10 - Number(version.versionId.slice(1))).padStart(11, "0");

// https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListPolicyVersions.html
const listPolicyVersionsOperation = awsOperation({
  service: "iam",
  action: "ListPolicyVersions",
  readOnly: true,
  input: z.object({ PolicyArn: policyArn, ...pagingFields }),
  authorize: (input, caller) => onPolicyArn(caller, input.PolicyArn, "iam:ListPolicyVersions"),
  run: async (input, caller) => {
    const versions = await listPolicyVersionsByArn(accountOf(caller), input.PolicyArn);
    const { items, IsTruncated, Marker } = pageOfAll(versions, paging(input), newestFirst);
    return { Versions: items.map((version) => versionOut(version, false)), IsTruncated, Marker };
  },
});

/** DeleteConflict for the default version, as AWS. */
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeletePolicyVersion.html
const deletePolicyVersionOperation = awsOperation({
  service: "iam",
  action: "DeletePolicyVersion",
  input: z.object({ PolicyArn: policyArn, VersionId: versionId }),
  authorize: (input, caller) => onPolicyArn(caller, input.PolicyArn, "iam:DeletePolicyVersion"),
  run: async (input, caller) => {
    await deletePolicyVersion(accountOf(caller), await customerPolicyName(caller, input.PolicyArn), input.VersionId);
    return null;
  },
});

// https://docs.aws.amazon.com/IAM/latest/APIReference/API_SetDefaultPolicyVersion.html
const setDefaultPolicyVersionOperation = awsOperation({
  service: "iam",
  action: "SetDefaultPolicyVersion",
  input: z.object({ PolicyArn: policyArn, VersionId: versionId }),
  authorize: (input, caller) => onPolicyArn(caller, input.PolicyArn, "iam:SetDefaultPolicyVersion"),
  run: async (input, caller) => {
    await setDefaultPolicyVersion(accountOf(caller), await customerPolicyName(caller, input.PolicyArn), input.VersionId);
    return null;
  },
});

export const policyVersionOperations: SomeAwsOperation[] = [
  createPolicyVersionOperation,
  getPolicyVersionOperation,
  listPolicyVersionsOperation,
  deletePolicyVersionOperation,
  setDefaultPolicyVersionOperation,
];
