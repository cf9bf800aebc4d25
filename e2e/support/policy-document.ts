import type { Locator, Page } from "@playwright/test";

/** A small valid document: `Allow` of `actions` on `resource`. */
export function allowDocument(actions: string[], resource: string): string {
  return JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: actions, Resource: resource }] }, null, 2);
}

/** A trust policy letting `service` assume the role. */
export function serviceTrustPolicy(service: string): string {
  return JSON.stringify(
    { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: service }, Action: "sts:AssumeRole" }] },
    null,
    2,
  );
}

/**
 * Replaces the text of the console's one policy document input (PolicyDocumentInput), found by
 * its label, whatever it already holds (create forms may start from a template).
 */
export async function fillPolicyDocument(page: Page, label: string, text: string): Promise<Locator> {
  const input = page.getByLabel(label, { exact: true });
  await input.fill(text);
  return input;
}
