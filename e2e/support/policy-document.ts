import type { Locator, Page } from "@playwright/test";

/** A small valid document: `Allow` of `actions` on `resource`. */
export function allowDocument(actions: string[], resource: string): string {
  return JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: actions, Resource: resource }] });
}

/** A trust policy letting `service` assume the role. */
export function serviceTrustPolicy(service: string): string {
  return JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: service }, Action: "sts:AssumeRole" }] });
}

/**
 * Replaces the text of the console's one policy document input (the Monaco editor of
 * PolicyDocumentInput), found by its accessible name. Create forms start from a template, so the
 * text is selected and replaced. Documents are typed as one line: Monaco indents new lines itself.
 */
export async function fillPolicyDocument(page: Page, label: string, text: string): Promise<Locator> {
  const input = page.getByRole("textbox", { name: label, exact: true });
  await input.focus();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(text);
  return input;
}
