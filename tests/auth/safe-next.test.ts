import { describe, expect, it } from "vitest";
import { safeNext } from "@/lib/auth/page-session";

// After sign-in the console goes back to the page asked for, and only ever to a page of its own:
// an open redirect would let a link to the real sign-in page land its user on another site
// (OWASP "Unvalidated Redirects and Forwards"; URL parsing drops tabs and newlines, as WHATWG's
// URL Standard says, so "/\t/evil.example" is "//evil.example").
describe("where sign-in sends its visitor back to", () => {
  it("keeps a path of this console, with its query and fragment", () => {
    expect(safeNext("/accounts/123456789012/users?search=a#top")).toBe("/accounts/123456789012/users?search=a#top");
  });

  it.each(["//evil.example", "/\t/evil.example", "/\n/evil.example", "/\\evil.example", "https://evil.example/", "evil", "", undefined])("refuses %j", (next) => {
    expect(safeNext(next)).toBe("/");
  });
});
