// The suite creates and deletes IAM entities freely. Like dub's assert-local-database, it refuses
// to run against anything but a server on this machine, so a mistyped baseURL cannot write demo
// data into someone's real console.

const LOCAL_HOSTS: readonly string[] = ["127.0.0.1", "localhost", "[::1]"];

/** True when `url` points at this machine's loopback interface. */
export function isLocalUrl(url: string): boolean {
  try {
    return LOCAL_HOSTS.includes(new URL(url).hostname);
  } catch {
    return false;
  }
}

/** Throws unless the suite's baseURL is on 127.0.0.1 or localhost. */
export function assertLocalBaseURL(baseURL: string | undefined): asserts baseURL is string {
  if (!baseURL || !isLocalUrl(baseURL)) {
    throw new Error(`E2E refuses to run against ${baseURL ?? "no baseURL"}: only 127.0.0.1 or localhost servers are allowed.`);
  }
}
