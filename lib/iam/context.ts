/**
 * The request context as the conditions read it: keys are case-insensitive, so the request's
 * keys are lower-cased once per request; the keys derived from the principal are computed once
 * per principal and stand behind them (an explicit value in the request wins). A request has a
 * handful of keys, so they are kept in two arrays and scanned: cheaper than a Map per request.
 */
import type { ContextValue } from "./types";
import type { ContextLookup } from "./variables";

export class RequestContext implements ContextLookup {
  private readonly keys: string[] = [];
  private readonly values: ContextValue[] = [];

  constructor(
    private readonly derived: ReadonlyMap<string, ContextValue>,
    context: Readonly<Record<string, ContextValue>>,
  ) {
    for (const key in context) {
      this.keys.push(key.toLowerCase());
      this.values.push(context[key]);
    }
  }

  get(lowerKey: string): ContextValue | undefined {
    // The last duplicate wins, as with an object's keys differing only in case.
    for (let i = this.keys.length - 1; i >= 0; i--) if (this.keys[i] === lowerKey) return this.values[i];
    return this.derived.get(lowerKey);
  }

  has(lowerKey: string): boolean {
    return this.get(lowerKey) !== undefined;
  }
}
