import { describe, expect, it } from "vitest";
import { pageRange } from "@/components/list/page-range";

describe("pageRange", () => {
  it("places a full page and the shorter last page", () => {
    expect(pageRange(1, 25, 120)).toEqual({ first: 1, last: 25, lastPage: 5, pastTheEnd: false });
    expect(pageRange(5, 25, 120)).toEqual({ first: 101, last: 120, lastPage: 5, pastTheEnd: false });
  });

  it("says a page past the last one is past the end, with no range (never “2,451–5 of 5”)", () => {
    expect(pageRange(99, 25, 5)).toEqual({ first: 0, last: 0, lastPage: 1, pastTheEnd: true });
    expect(pageRange(3, 25, 50)).toEqual({ first: 0, last: 0, lastPage: 2, pastTheEnd: true });
  });

  it("treats an empty list as one empty page", () => {
    expect(pageRange(1, 25, 0)).toEqual({ first: 0, last: 0, lastPage: 1, pastTheEnd: false });
    expect(pageRange(2, 25, 0)).toEqual({ first: 0, last: 0, lastPage: 1, pastTheEnd: true });
  });
});
