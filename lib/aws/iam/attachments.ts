import "server-only";
import { policyArn } from "@/lib/schemas/common";
import { parseIamArn } from "@/lib/arn";
import { attachPolicy } from "@/lib/data/attach-policy";
import { detachPolicy } from "@/lib/data/detach-policy";
import { listAttachedPolicies } from "@/lib/data/list-attached-policies";
import { accountOf, awsOperation, type SomeAwsOperation } from "@/lib/aws/operation";
import { pagingFields, pathPrefix } from "@/lib/aws/inputs";
import { pageOfAll, paging } from "@/lib/aws/paging";
import { GROUP, holderName, inAwsWords, onHolder, ownBoundary, ROLE, USER, withHolder, type Holder } from "@/lib/aws/iam/attachment-holders";

/**
 * Managed policy attachments of users, groups and roles (IAM API Reference: AttachUserPolicy,
 * DetachUserPolicy, ListAttachedUserPolicies and the Group and Role equivalents), each authorized
 * as the console's attached-policies routes authorize the same call (lib/api/principal-routes.ts:
 * the holder's ARN and tags, its permissions boundary, iam:PolicyARN) and done by the same
 * lib/data function, so the change log and the engine see the attachment at once.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_AttachUserPolicy.html
 */

/** AWS's words for a policy that cannot be attached (missing, or another account's). */
const notAttachable = (arn: string) => `Policy ${arn} does not exist or is not attachable.`;
/** AWS's words for detaching a policy the holder does not have (or that does not exist). */
const notFound = (arn: string) => `Policy ${arn} was not found.`;

/** Attach{Kind}Policy: no result element. https://docs.aws.amazon.com/IAM/latest/APIReference/API_AttachUserPolicy.html */
function attachOperation(holder: Holder) {
  return awsOperation({
    service: "iam",
    action: `Attach${holder.word}Policy`,
    input: withHolder(holder, { PolicyArn: policyArn }),
    authorize: (input, caller) =>
      onHolder(holder, accountOf(caller), holderName(holder, input), `Attach${holder.word}Policy`, (target) => ({ ...ownBoundary(target), "iam:PolicyARN": input.PolicyArn })),
    run: async (input, caller) => {
      await inAwsWords(() => attachPolicy(holder.kind, accountOf(caller), holderName(holder, input), input.PolicyArn), "policyArn", notAttachable(input.PolicyArn));
      return null;
    },
  });
}

/** Detach{Kind}Policy: no result element. https://docs.aws.amazon.com/IAM/latest/APIReference/API_DetachUserPolicy.html */
function detachOperation(holder: Holder) {
  return awsOperation({
    service: "iam",
    action: `Detach${holder.word}Policy`,
    input: withHolder(holder, { PolicyArn: policyArn }),
    authorize: (input, caller) =>
      onHolder(holder, accountOf(caller), holderName(holder, input), `Detach${holder.word}Policy`, (target) => ({ ...ownBoundary(target), "iam:PolicyARN": input.PolicyArn })),
    run: async (input, caller) => {
      await inAwsWords(() => detachPolicy(holder.kind, accountOf(caller), holderName(holder, input), input.PolicyArn), "policyArn", notFound(input.PolicyArn));
      return null;
    },
  });
}

interface Attached {
  PolicyName: string;
  PolicyArn: string;
  /** Ordered and paged by this: the lower-cased name, then the ARN (a customer policy may share an AWS managed one's name). */
  key: string;
}

/**
 * ListAttached{Kind}Policies: AttachedPolicies (PolicyName, PolicyArn), IsTruncated, Marker, only
 * the policies whose path starts with PathPrefix. A holder has at most 10, so the list is read
 * whole and paged in memory.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListAttachedUserPolicies.html
 */
function listOperation(holder: Holder) {
  return awsOperation({
    service: "iam",
    action: `ListAttached${holder.word}Policies`,
    readOnly: true,
    input: withHolder(holder, { PathPrefix: pathPrefix, ...pagingFields }),
    authorize: (input, caller) => onHolder(holder, accountOf(caller), holderName(holder, input), `ListAttached${holder.word}Policies`),
    run: async (input, caller) => {
      const paged = paging(input);
      const all: Attached[] = (await listAttachedPolicies(holder.kind, accountOf(caller), holderName(holder, input)))
        .filter((policy) => (parseIamArn(policy.arn)?.path ?? "/").startsWith(input.PathPrefix))
        .map((policy) => ({ PolicyName: policy.policyName, PolicyArn: policy.arn, key: `${policy.policyName.toLowerCase()}\u0000${policy.arn}` }))
        .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      const { items, IsTruncated, Marker } = pageOfAll(all, paged, (policy) => policy.key);
      return { AttachedPolicies: items.map(({ PolicyName, PolicyArn }) => ({ PolicyName, PolicyArn })), IsTruncated, Marker };
    },
  });
}

export const attachmentOperations: SomeAwsOperation[] = [USER, GROUP, ROLE].flatMap((holder) => [
  attachOperation(holder),
  detachOperation(holder),
  listOperation(holder),
]);
