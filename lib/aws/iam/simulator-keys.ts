import { compilePolicy, validatePolicy, type PolicyDocument } from "@/lib/iam";
import { invalidInput } from "@/lib/aws/iam/simulator-input";

/**
 * GetContextKeysForCustomPolicy and GetContextKeysForPrincipalPolicy: "the context keys referenced
 * in the input policies": the keys the Condition blocks test and the policy variables their
 * resources and condition values read (AWS's own example lists aws:username from a Resource's
 * ${aws:username} before the aws:CurrentTime of its Condition). The engine's compiler already
 * lists both, per statement (CompiledStatement.resources.variableKeys, condition.keys): the same
 * keys the simulator reports as MissingContextValues. Each key is listed once, as first written.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetContextKeysForCustomPolicy.html
 */

/** The context keys of the documents, in the order they first appear (case-insensitively unique). */
export function contextKeyNames(documents: readonly PolicyDocument[]): string[] {
  const seen = new Map<string, string>();
  const add = (name: string) => {
    if (!seen.has(name.toLowerCase())) seen.set(name.toLowerCase(), name);
  };
  for (const document of documents) {
    for (const statement of compilePolicy(document).statements) {
      for (const key of statement.resources?.variableKeys ?? []) add(key.name);
      for (const key of statement.condition?.keys ?? []) add(key.name);
    }
  }
  return [...seen.values()];
}

/** PolicyInputList's documents must be valid identity-based policies ("complete, valid JSON text of an IAM policy"). */
export function assertValidInputs(documents: readonly string[]): void {
  documents.forEach((document, index) => {
    const [first, ...rest] = validatePolicy(document, "identity").errors;
    if (!first) return;
    const more = rest.length > 0 ? ` (and ${rest.length} more)` : "";
    throw invalidInput(`PolicyInputList.${index + 1} is not a valid policy document: ${first.message}${first.path ? ` (at ${first.path})` : ""}${more}`, "PolicyInputList");
  });
}
