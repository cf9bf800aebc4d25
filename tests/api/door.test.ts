import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Issue #11, "Every request is authorized by the engine": every route names the IAM operation it
// performs (as AWS's API would authorize the same call) or declares itself open; "a test
// enumerates every route file and method and fails when one declares neither". apiRoute marks
// each handler it makes with its door (lib/api/route.ts), the 405 handlers too.

const APP = path.resolve(__dirname, "../../app");
const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
const DECLARED = ["authorize", "signed-in", "public", "method-not-allowed"];

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

const files = routeFiles(APP).sort();

describe("every route handler declares its door", () => {
  it("finds the route files", () => {
    expect(files.length).toBeGreaterThan(40);
    expect(files.map((file) => path.relative(APP, file))).toContain("api/v1/accounts/route.ts");
  });

  it("has an authorize or access declaration (or a 405) on every exported method", { timeout: 120_000 }, async () => {
    const undeclared: string[] = [];
    let handlers = 0;
    for (const file of files) {
      const exported = (await import(file)) as Record<string, unknown>;
      for (const method of METHODS) {
        const handler = exported[method];
        if (handler === undefined) continue;
        handlers += 1;
        const door = typeof handler === "function" ? (handler as { door?: unknown }).door : undefined;
        if (typeof door !== "string" || !DECLARED.includes(door)) undeclared.push(`${path.relative(APP, file)} ${method}: ${door === undefined ? "no door" : String(door)}`);
      }
    }
    expect(handlers).toBeGreaterThan(files.length);
    expect(undeclared).toEqual([]);
  });
});
