import { test as base, type APIRequestContext } from "@playwright/test";
import { IamApi } from "./iam-api";
import { assertLocalBaseURL } from "./local-only";
import { signIn, type SignInAs } from "./sign-in";

export { expect } from "@playwright/test";
export type { SignInAs } from "./sign-in";

interface Options {
  /**
   * Who the test's browser context is signed in as before it starts: by default the root user of
   * acme-prod, who may do everything in that account (and nothing elsewhere). A spec that visits
   * another account signs in as someone who may, with `test.use({ signInAs: … })`; `null` leaves
   * the context signed out.
   */
  signInAs: SignInAs | null;
}

interface Fixtures {
  /** Runs before every test and hook: the suite only ever talks to a local server. */
  localOnly: void;
  /**
   * An API request context signed in as `signInAs` (anonymous when null), for arranging data in
   * tests and their hooks. Its session is the page's: the test's browser context gets its cookie.
   * A test that signs its page in again (signIn(page, …)) has a new session there, which this
   * request does not share: use page.request then.
   */
  request: APIRequestContext;
  /** Puts the `request` fixture's session cookie into the test's browser context before the test runs. */
  signedIn: void;
  /** The JSON API of the seeded account acme-prod, for arranging data, signed in as `request` is. */
  iam: IamApi;
}

export const test = base.extend<Fixtures & Options>({
  signInAs: [{ rootOf: "acme-prod" }, { option: true }],
  localOnly: [
    async ({ baseURL }, provide) => {
      assertLocalBaseURL(baseURL);
      await provide();
    },
    { auto: true },
  ],
  request: async ({ playwright, baseURL, signInAs }, provide) => {
    assertLocalBaseURL(baseURL);
    const request = await playwright.request.newContext({ baseURL });
    if (signInAs) await signIn(request, signInAs);
    await provide(request);
    await request.dispose();
  },
  signedIn: [
    async ({ context, request }, provide) => {
      await context.addCookies((await request.storageState()).cookies);
      await provide();
    },
    { auto: true },
  ],
  iam: async ({ request }, provide) => {
    await provide(new IamApi(request));
  },
});
