import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { implementedActions } from "@/lib/aws/registry";

// Issue #12: "An operation not implemented answers AWS's InvalidAction naming it; the README lists
// what is implemented." The README's tables of implemented operations and the endpoint's registry
// must name the same operations.
const README = fs.readFileSync(path.resolve(__dirname, "../../README.md"), "utf8");

function section(heading: string): string {
  const start = README.indexOf(heading);
  if (start < 0) throw new Error(`README has no "${heading}"`);
  const end = README.indexOf("\n## ", start + heading.length);
  return README.slice(start, end < 0 ? undefined : end);
}

/** The operation names in the first column or the list cells of the section's tables. */
function listedOperations(text: string, firstColumnOnly: boolean): string[] {
  const names = new Set<string>();
  for (const line of text.split("\n").filter((row) => row.startsWith("| "))) {
    const cells = line.split("|").slice(1, -1);
    const cell = firstColumnOnly ? cells[0] : cells[1];
    for (const match of (cell ?? "").matchAll(/`([A-Z][A-Za-z0-9]+)`/g)) names.add(match[1]);
  }
  return [...names].sort();
}

describe("the README lists the AWS endpoint's operations", () => {
  const text = section("### Implemented operations");
  const [iamTable, stsTable] = text.split("| STS operations |");

  it("lists every IAM operation the endpoint serves, and no other", () => {
    // Parameters are named in the same cells (`Scope`, `Filter`…): only names the registry knows count as listed operations, and every one must be there.
    const listed = listedOperations(iamTable, false);
    expect(implementedActions("iam").filter((action) => !listed.includes(action))).toEqual([]);
    const unknown = listed.filter((name) => /^(Create|Get|Update|Delete|List|Put|Tag|Untag|Attach|Detach|Add|Remove|Set|Simulate|Enable|Deactivate|Generate|Change)[A-Z]/.test(name) && !implementedActions("iam").includes(name));
    expect(unknown).toEqual([]);
  });

  it("lists every STS operation the endpoint serves, and no other", () => {
    expect(listedOperations(`| STS operations |${stsTable}`, true).filter((name) => name !== "STS")).toEqual(implementedActions("sts"));
  });
});
