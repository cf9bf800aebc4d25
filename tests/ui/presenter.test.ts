import { describe, expect, it } from "vitest";
import { breakPoints } from "@/components/ui/arn-text";
import { isPresenterCookie, isPresenterShortcut, presenterCookie } from "@/components/shell/presenter";

// Presenter mode's cookie and shortcut, and where ArnText lets an ARN wrap.

describe("presenter mode cookie", () => {
  it("remembers the mode for a year on the whole site, and forgets it at once", () => {
    expect(presenterCookie(true)).toBe("iam-presenter=1; Path=/; Max-Age=31536000; SameSite=Lax");
    expect(presenterCookie(false)).toBe("iam-presenter=0; Path=/; Max-Age=0; SameSite=Lax");
  });

  it("is on only for the value 1", () => {
    expect(isPresenterCookie("1")).toBe(true);
    for (const value of [undefined, "", "0", "true", "11"]) expect(isPresenterCookie(value)).toBe(false);
  });
});

describe("presenter mode shortcut", () => {
  const key = { altKey: true, shiftKey: true, ctrlKey: false, metaKey: false, code: "KeyP" };
  it("is Alt+Shift+P by key position, whatever letter the layout types", () => {
    expect(isPresenterShortcut(key)).toBe(true);
  });

  it("ignores P without both modifiers, or with Ctrl or Meta", () => {
    expect(isPresenterShortcut({ ...key, altKey: false })).toBe(false);
    expect(isPresenterShortcut({ ...key, shiftKey: false })).toBe(false);
    expect(isPresenterShortcut({ ...key, ctrlKey: true })).toBe(false);
    expect(isPresenterShortcut({ ...key, metaKey: true })).toBe(false);
    expect(isPresenterShortcut({ ...key, code: "KeyO" })).toBe(false);
  });
});

describe("breakPoints", () => {
  it("splits an ARN after every colon and slash, keeping every character", () => {
    const arn = "arn:aws:iam::123456789012:role/service-role/LambdaBasicExecution";
    const parts = breakPoints(arn);
    expect(parts).toEqual(["arn:", "aws:", "iam:", ":", "123456789012:", "role/", "service-role/", "LambdaBasicExecution"]);
    expect(parts.join("")).toBe(arn);
  });

  it("leaves text without separators whole", () => {
    expect(breakPoints("AdministratorAccess")).toEqual(["AdministratorAccess"]);
  });
});
