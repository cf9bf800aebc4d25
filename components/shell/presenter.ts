// Presenter mode: a larger root font (20 px) and no decorative chrome, for a projector. It is
// remembered per browser in a cookie, so the server renders <html class="presenter"> itself:
// no flash of the small layout and nothing for hydration to disagree about.

export const PRESENTER_COOKIE = "iam-presenter";
export const PRESENTER_CLASS = "presenter";
/** The toggle's keyboard shortcut (aria-keyshortcuts syntax). */
export const PRESENTER_SHORTCUT = "Alt+Shift+P";

const YEAR = 60 * 60 * 24 * 365;

/** Whether a cookie value asks for presenter mode. */
export const isPresenterCookie = (value: string | undefined): boolean => value === "1";

/** The Set-Cookie text that remembers the choice for a year (or forgets it). */
export function presenterCookie(on: boolean): string {
  return `${PRESENTER_COOKIE}=${on ? "1" : "0"}; Path=/; Max-Age=${on ? YEAR : 0}; SameSite=Lax`;
}

/** Is this key event the shortcut (Alt+Shift+P, whatever the layout makes of the letter)? */
export const isPresenterShortcut = (event: Pick<KeyboardEvent, "altKey" | "shiftKey" | "ctrlKey" | "metaKey" | "code">): boolean =>
  event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey && event.code === "KeyP";
