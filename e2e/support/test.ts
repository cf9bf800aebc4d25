import { test as base } from "@playwright/test";
import { IamApi } from "./iam-api";
import { assertLocalBaseURL } from "./local-only";

export { expect } from "@playwright/test";

interface Fixtures {
  /** Runs before every test and hook: the suite only ever talks to a local server. */
  localOnly: void;
  /** The JSON API of the seeded account acme-prod, for arranging data. */
  iam: IamApi;
}

export const test = base.extend<Fixtures>({
  localOnly: [
    async ({ baseURL }, provide) => {
      assertLocalBaseURL(baseURL);
      await provide();
    },
    { auto: true },
  ],
  iam: async ({ request, baseURL }, provide) => {
    assertLocalBaseURL(baseURL);
    await provide(new IamApi(request));
  },
});
