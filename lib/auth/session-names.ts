// Names the session is carried by, free of the server's modules so proxy.ts can read them.

/** The cookie's name: the __Host- prefix (Secure, path /, no Domain) when served over HTTPS. */
export const sessionCookieName = (secure: boolean): string => (secure ? "__Host-iam-session" : "iam-session");
export const SESSION_COOKIE_NAMES = ["__Host-iam-session", "iam-session"] as const;

/** The request header proxy.ts gives each page its path (and query) in: Next gives layouts no path. */
export const PAGE_PATH_HEADER = "x-iam-page-path";
