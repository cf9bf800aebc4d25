"use client";

import { useEffect } from "react";

export const LEAVE_MESSAGE = "The policy document has unsaved changes. Leave this page and lose them?";

/** How many mounted inputs hold unsaved changes: one set of listeners (and one question) for all. */
let unsaved = 0;

/** Whether moving from the current page to `url` would unmount the page (a hash alone does not). */
function leavesFor(url: URL): boolean {
  return url.origin !== window.location.origin || url.pathname !== window.location.pathname || url.search !== window.location.search;
}

/** Whether a click on this link would take the browser to another page of ours. */
function leavesPage(event: MouseEvent): boolean {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return false;
  const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
  if (!(link instanceof HTMLAnchorElement) || (link.target && link.target !== "_self") || link.hasAttribute("download")) return false;
  const url = new URL(link.href, window.location.href);
  // Another origin unloads the page: beforeunload asks then.
  return url.origin === window.location.origin && leavesFor(url);
}

/**
 * Asks before an in-app move that would unmount unsaved edits (a tab switch, the account
 * switcher): true when nothing is unsaved or the user chooses to leave.
 */
export function confirmLeave(): boolean {
  return unsaved === 0 || window.confirm(LEAVE_MESSAGE);
}

/** The part of the Navigation API's NavigateEvent used here (TypeScript's DOM types lack it). */
interface NavigateEventLike extends Event {
  readonly navigationType: "push" | "replace" | "reload" | "traverse";
  readonly destination: { readonly url: string };
}

interface NavigationLike {
  addEventListener(type: "navigate", listener: (event: NavigateEventLike) => void): void;
  removeEventListener(type: "navigate", listener: (event: NavigateEventLike) => void): void;
}

const navigation = (): NavigationLike | undefined => (window as unknown as { navigation?: NavigationLike }).navigation;

const beforeUnload = (event: BeforeUnloadEvent) => {
  event.preventDefault();
  // Older Chromium needs a returnValue to show the prompt.
  event.returnValue = "";
};

// Next's router handles links in React's listener, so a capturing listener on the document runs
// first and can stop the click.
const click = (event: MouseEvent) => {
  if (!leavesPage(event) || window.confirm(LEAVE_MESSAGE)) return;
  event.preventDefault();
  event.stopPropagation();
};

// Back and Forward. Between pages of the app they are same-document traversals (Next's router
// pushes history entries with pushState and renders the entry it finds on popstate), so the
// browser fires the Navigation API's `navigate` event first, and for a same-document traversal
// Chromium makes it cancelable: preventDefault() keeps the entry, no popstate follows, the page
// and its edits stay. This is sturdier than the older trick of pushing a sentinel history entry
// while dirty and re-pushing it on popstate: no extra entries to clean up after a save, nothing
// fighting Next over history.state, and Forward is guarded too. A traversal to another document
// (out of the app, or to an entry from before a reload) is not cancelable here, but it unloads
// the page, so beforeunload asks instead. Where the Navigation API is missing only Back within
// the app goes unguarded; the other ways of leaving still ask.
const navigate = (event: NavigateEventLike) => {
  if (event.navigationType !== "traverse" || !event.cancelable || !leavesFor(new URL(event.destination.url))) return;
  if (!window.confirm(LEAVE_MESSAGE)) event.preventDefault();
};

function install(): void {
  window.addEventListener("beforeunload", beforeUnload);
  document.addEventListener("click", click, true);
  navigation()?.addEventListener("navigate", navigate);
}

function uninstall(): void {
  window.removeEventListener("beforeunload", beforeUnload);
  document.removeEventListener("click", click, true);
  navigation()?.removeEventListener("navigate", navigate);
}

/**
 * While `dirty`, every way of leaving asks first: closing or reloading the tab (the browser's
 * own prompt), following an in-app link, Back and Forward, and — through confirmLeave() — tab
 * switches and the account switcher. However many inputs are dirty, the user is asked once.
 */
export function useLeaveGuard(dirty: boolean): void {
  useEffect(() => {
    if (!dirty) return;
    if (unsaved++ === 0) install();
    return () => {
      if (--unsaved === 0) uninstall();
    };
  }, [dirty]);
}
