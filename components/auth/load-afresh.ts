/**
 * Loads `path` as a new page, not a client-side navigation: signing in, signing out or a session
 * that ended changes whose every cached answer is, and the root layout (which checks the session
 * and draws the header for it) must run again. The path is made absolute on this origin.
 */
export function loadAfresh(path: string): void {
  window.location.assign(new URL(path, window.location.origin).href);
}
