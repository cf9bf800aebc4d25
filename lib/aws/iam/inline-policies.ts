import "server-only";
import { policyDocumentText, policyName } from "@/lib/schemas/common";
import { deleteInlinePolicy } from "@/lib/data/delete-inline-policy";
import { getInlinePolicy } from "@/lib/data/get-inline-policy";
import { listInlinePolicies } from "@/lib/data/list-inline-policies";
import { putInlinePolicy } from "@/lib/data/put-inline-policy";
import { accountOf, awsOperation, type SomeAwsOperation } from "@/lib/aws/operation";
import { pagingFields } from "@/lib/aws/inputs";
import { pageOfAll, paging } from "@/lib/aws/paging";
import { encodedDocument } from "@/lib/aws/shapes";
import { GROUP, holderName, inAwsWords, onHolder, ownBoundary, ROLE, USER, withHolder, type Holder } from "@/lib/aws/iam/attachment-holders";

/**
 * Inline policies of users, groups and roles (IAM API Reference: PutUserPolicy, GetUserPolicy,
 * DeleteUserPolicy, ListUserPolicies and the Group and Role equivalents), each authorized as the
 * console's inline-policies routes authorize the same call (lib/api/principal-routes.ts) and done
 * by the same lib/data function: the same validator (MalformedPolicyDocument), the same quotas on
 * the holder's inline documents together (LimitExceeded: user 2,048, group 5,120, role 10,240
 * characters without white space), the same change log.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_PutUserPolicy.html
 */

/** AWS's words for an inline policy the holder does not have: "The user policy with name X cannot be found." */
const noSuchPolicy = (holder: Holder, name: string) => `The ${holder.kind} policy with name ${name} cannot be found.`;

/** Put{Kind}Policy: creates or replaces the document; no result element. https://docs.aws.amazon.com/IAM/latest/APIReference/API_PutUserPolicy.html */
function putOperation(holder: Holder) {
  return awsOperation({
    service: "iam",
    action: `Put${holder.word}Policy`,
    input: withHolder(holder, { PolicyName: policyName, PolicyDocument: policyDocumentText }),
    authorize: (input, caller) => onHolder(holder, accountOf(caller), holderName(holder, input), `Put${holder.word}Policy`, ownBoundary),
    run: async (input, caller) => {
      await putInlinePolicy(holder.kind, accountOf(caller), holderName(holder, input), input.PolicyName, input.PolicyDocument);
      return null;
    },
  });
}

/**
 * Get{Kind}Policy: the holder's name, PolicyName and PolicyDocument, URL-encoded as IAM answers
 * it (RFC 3986; the CLI decodes it, the SDKs leave that to the caller).
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetUserPolicy.html
 */
function getOperation(holder: Holder) {
  return awsOperation({
    service: "iam",
    action: `Get${holder.word}Policy`,
    readOnly: true,
    input: withHolder(holder, { PolicyName: policyName }),
    authorize: (input, caller) => onHolder(holder, accountOf(caller), holderName(holder, input), `Get${holder.word}Policy`),
    run: async (input, caller) => {
      const name = holderName(holder, input);
      const policy = await inAwsWords(() => getInlinePolicy(holder.kind, accountOf(caller), name, input.PolicyName), "policyName", noSuchPolicy(holder, input.PolicyName));
      return { [holder.param]: name, PolicyName: policy.policyName, PolicyDocument: encodedDocument(policy.document) };
    },
  });
}

/** Delete{Kind}Policy: no result element. https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteUserPolicy.html */
function deleteOperation(holder: Holder) {
  return awsOperation({
    service: "iam",
    action: `Delete${holder.word}Policy`,
    input: withHolder(holder, { PolicyName: policyName }),
    authorize: (input, caller) => onHolder(holder, accountOf(caller), holderName(holder, input), `Delete${holder.word}Policy`, ownBoundary),
    run: async (input, caller) => {
      const name = holderName(holder, input);
      await inAwsWords(() => deleteInlinePolicy(holder.kind, accountOf(caller), name, input.PolicyName), "policyName", noSuchPolicy(holder, input.PolicyName));
      return null;
    },
  });
}

/**
 * List{Kind}Policies: PolicyNames, IsTruncated, Marker, by name. The quotas keep a holder's
 * inline documents small, so the list is read whole and paged in memory.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListUserPolicies.html
 */
function listOperation(holder: Holder) {
  return awsOperation({
    service: "iam",
    action: `List${holder.word}Policies`,
    readOnly: true,
    input: withHolder(holder, { ...pagingFields }),
    authorize: (input, caller) => onHolder(holder, accountOf(caller), holderName(holder, input), `List${holder.word}Policies`),
    run: async (input, caller) => {
      const names = (await listInlinePolicies(holder.kind, accountOf(caller), holderName(holder, input))).map((policy) => policy.policyName);
      const { items, IsTruncated, Marker } = pageOfAll(names, paging(input), (name) => name.toLowerCase());
      return { PolicyNames: items, IsTruncated, Marker };
    },
  });
}

export const inlinePolicyOperations: SomeAwsOperation[] = [USER, GROUP, ROLE].flatMap((holder) => [
  putOperation(holder),
  getOperation(holder),
  deleteOperation(holder),
  listOperation(holder),
]);
