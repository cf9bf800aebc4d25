import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readCatalog } from "@/lib/catalog/load";

const dir = mkdtempSync(path.join(tmpdir(), "catalog-load-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

describe("readCatalog", () => {
  it("tells how to build the catalog when the file is missing", () => {
    expect(() => readCatalog(path.join(dir, "absent.json"))).toThrow(/is missing: run `npm run postinstall`/);
  });

  it("rejects a file that is not JSON", () => {
    expect(() => readCatalog(write("truncated.json", '{"sourceVersion":'))).toThrow(/not a compiled catalog/);
  });

  it("rejects JSON that is not a catalog", () => {
    expect(() => readCatalog(write("other.json", '{"services":[]}'))).toThrow(/not a compiled catalog/);
  });

  it("returns a well-formed catalog", () => {
    const file = write(
      "tiny.json",
      JSON.stringify({
        sourceVersion: "1.2.3",
        services: [{ prefix: "demo", name: "Demo", actions: [], resourceTypes: [], conditionKeys: [] }],
        globalConditionKeys: [],
      }),
    );
    expect(readCatalog(file).services[0]?.prefix).toBe("demo");
  });
});
