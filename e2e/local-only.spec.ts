import { test, expect } from "./support/test";
import { assertLocalBaseURL, isLocalUrl } from "./support/local-only";

// The guard every other spec relies on (support/test.ts runs it before each test and hook).

test("the local-only guard accepts loopback servers only", () => {
  expect(isLocalUrl("http://127.0.0.1:41234")).toBe(true);
  expect(isLocalUrl("http://localhost:3000/api/v1")).toBe(true);
  expect(isLocalUrl("http://[::1]:8080")).toBe(true);
  expect(isLocalUrl("https://iam.example.com")).toBe(false);
  expect(isLocalUrl("http://127.0.0.1.example.com")).toBe(false);
  expect(isLocalUrl("http://10.0.0.5:3000")).toBe(false);
  expect(isLocalUrl("not a url")).toBe(false);
  expect(() => assertLocalBaseURL("https://console.example.com")).toThrow(/refuses to run/);
  expect(() => assertLocalBaseURL(undefined)).toThrow(/refuses to run/);
});

test("this run's server is local", ({ baseURL }) => {
  expect(() => assertLocalBaseURL(baseURL)).not.toThrow();
});
