import http from "node:http";
import type { AddressInfo } from "node:net";
import { test, expect } from "./support/test";
import { PROD_ACCOUNT, uniqueName } from "./support/iam-api";
import { allowDocument } from "./support/policy-document";

// A page on another origin must not change anything through the administrator's browser: no
// auto-submitting text/plain form (JSON-looking, as `name={"…":"` + `=` + `value"}`), no
// fetch(…, { mode: "no-cors" }). The page is served here on a second free port, chosen as the
// E2E server's port is, and visited once as another site (localhost) and once as the same site
// on another port (127.0.0.1): both are other origins.

const ADMIN_ARN = "arn:aws:iam::aws:policy/AdministratorAccess";

interface Targets {
  /** The console's origin, where the forms and fetches are sent. */
  console: string;
  newUser: string;
  fetchedUser: string;
  victim: string;
  policyName: string;
}

const escapeAttribute = (text: string) => text.replaceAll("&", "&amp;").replaceAll("'", "&#39;").replaceAll('"', "&quot;");

/** A form whose text/plain body reads as the JSON `fields` (the classic CSRF trick). */
function jsonForm(id: string, action: string, fields: Record<string, string>): string {
  const json = JSON.stringify({ ...fields, padding: "" });
  const name = json.slice(0, -2);
  return `<form id="${id}" method="POST" enctype="text/plain" action="${escapeAttribute(action)}" target="sink-${id}">
    <input type="hidden" name="${escapeAttribute(name)}" value='"}'>
  </form><iframe name="sink-${id}" title="${id}"></iframe>`;
}

function attackerPage(targets: Targets): string {
  const account = `${targets.console}/api/v1/accounts/${PROD_ACCOUNT}`;
  const user = (name: string) => `${account}/users/${encodeURIComponent(name)}`;
  const fetches = [
    [`${account}/users`, { userName: targets.fetchedUser }],
    [`${user(targets.victim)}/access-keys`, {}],
    [`${account}/policies/${encodeURIComponent(targets.policyName)}/versions`, { policyDocument: allowDocument(["*"], "*"), setAsDefault: true }],
  ];
  return `<!doctype html><html><head><title>Win a prize</title></head><body>
    ${jsonForm("create-user", `${account}/users`, { userName: targets.newUser })}
    ${jsonForm("attach-admin", `${user(targets.victim)}/attached-policies`, { policyArn: ADMIN_ARN })}
    <script>
      document.getElementById("create-user").submit();
      document.getElementById("attach-admin").submit();
      const fetches = ${JSON.stringify(fetches)};
      Promise.allSettled(fetches.map(([url, body]) =>
        fetch(url, { method: "POST", mode: "no-cors", body: JSON.stringify(body) })));
    </script>
  </body></html>`;
}

/** Serves `html` on 127.0.0.1 on a random free port of the E2E range, as playwright.config.ts picks the server's. */
async function serveAttackerPage(html: string): Promise<{ port: number; close: () => Promise<void> }> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const port = 41000 + Math.floor(Math.random() * 9000);
    if (String(port) === process.env.E2E_PORT) continue;
    const server = http.createServer((_req, res) => {
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
      res.end(html);
    });
    const listening = await new Promise<boolean>((resolve) => {
      server.once("error", () => resolve(false));
      server.listen(port, "127.0.0.1", () => resolve(true));
    });
    if (listening) {
      return { port: (server.address() as AddressInfo).port, close: () => new Promise((resolve) => server.close(() => resolve())) };
    }
  }
  throw new Error("No free port for the attacker's page");
}

for (const attackerHost of ["localhost", "127.0.0.1"]) {
  test(`a page served from ${attackerHost} on another port changes nothing`, async ({ page, request, iam, baseURL }) => {
    const targets: Targets = {
      console: new URL(baseURL ?? "").origin,
      newUser: uniqueName("csrf-form-user"),
      fetchedUser: uniqueName("csrf-fetch-user"),
      victim: uniqueName("csrf-victim"),
      policyName: uniqueName("CsrfTarget"),
    };
    await iam.createUser(targets.victim);
    const created = await request.post(`/api/v1/accounts/${PROD_ACCOUNT}/policies`, {
      data: { policyName: targets.policyName, policyDocument: allowDocument(["s3:GetObject"], "arn:aws:s3:::csrf-bucket/*") },
    });
    expect(created.status()).toBe(201);
    const before = await iam.counts();

    const attacker = await serveAttackerPage(attackerPage(targets));
    try {
      // The console's answers to the five requests, seen by the browser (the page cannot read them).
      const answered: { url: string; status: number }[] = [];
      page.context().on("response", (response) => {
        if (response.request().method() === "POST" && response.url().startsWith(targets.console)) {
          answered.push({ url: response.url(), status: response.status() });
        }
      });
      await page.goto(`http://${attackerHost}:${attacker.port}/`);
      await expect.poll(() => answered.length, { message: "the five cross-site requests were answered" }).toBe(5);
      expect(answered).toEqual(answered.map((answer) => ({ ...answer, status: 403 })));
    } finally {
      await attacker.close();
    }

    expect(await iam.status(`/users/${targets.newUser}`)).toBe(404);
    expect(await iam.status(`/users/${targets.fetchedUser}`)).toBe(404);
    const attached = await (await request.get(`/api/v1/accounts/${PROD_ACCOUNT}/users/${targets.victim}/attached-policies`)).json();
    expect(JSON.stringify(attached)).not.toContain(ADMIN_ARN);
    const keys = await (await request.get(`/api/v1/accounts/${PROD_ACCOUNT}/users/${targets.victim}/access-keys`)).json();
    expect(keys).toEqual({ items: [] });
    const versions = await (await request.get(`/api/v1/accounts/${PROD_ACCOUNT}/policies/${targets.policyName}/versions`)).json();
    expect(versions.items).toHaveLength(1);
    expect(await iam.counts()).toEqual(before);
  });
}
