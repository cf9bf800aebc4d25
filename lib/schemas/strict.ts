import { z } from "./zod";

// Request bodies, and the query strings of writes, refuse keys they do not declare: a typo
// ("pasword") or a stray key (`__proto__`) must not be silently dropped while the write goes
// ahead without it. Query strings of reads stay lenient: an extra parameter on a GET changes
// nothing, and browsers, proxies and tools add their own (cache busters, tracking).

/** Long keys are shortened in the message; the error's `field` still names the key in full. */
const SHOWN_KEY_CHARS = 64;

/**
 * Unknown keys named one by one per object, well inside the error list's 100; the rest are
 * counted in one issue, so a body of a hundred thousand unknown keys costs about as much as 50.
 */
const NAMED_KEYS = 50;

function unknownFieldMessage(key: string): string {
  const shown = key.length > SHOWN_KEY_CHARS ? `${key.slice(0, SHOWN_KEY_CHARS)}…` : key;
  return `Unknown field ${JSON.stringify(shown)}.`;
}

/**
 * zod reports a strict object's unknown keys as one issue at the object's own path; this check
 * splits it into one issue per key, at the key's path, so each key is the `field` of its own
 * error. `when` runs it even when other fields are invalid, so every problem is reported at once.
 */
function oneIssuePerUnknownKey() {
  return z.superRefine<unknown>(
    (_value, ctx) => {
      // Nested objects have split theirs already; those carry a path by now.
      const own = (issue: (typeof ctx.issues)[number]) => issue.code === "unrecognized_keys" && (issue.path?.length ?? 0) === 0;
      if (!ctx.issues.some(own)) return;
      const issues = ctx.issues.splice(0);
      // A loop, not a spread: a hostile body may hold a hundred thousand unknown keys.
      for (const issue of issues) {
        if (issue.code !== "unrecognized_keys" || !own(issue)) {
          ctx.issues.push(issue);
          continue;
        }
        for (const key of issue.keys.slice(0, NAMED_KEYS)) {
          ctx.issues.push({ code: "custom", path: [key], message: unknownFieldMessage(key), input: ctx.value, continue: true });
        }
        const rest = issue.keys.length - NAMED_KEYS;
        if (rest > 0) {
          const message = `${rest.toLocaleString("en-US")} more unknown field${rest === 1 ? "" : "s"}.`;
          ctx.issues.push({ code: "custom", message, input: ctx.value, continue: true });
        }
      }
    },
    { when: () => true },
  );
}

/**
 * `z.strictObject` whose unknown keys are each a ValidationError naming the key:
 * `{ field: "foo", message: 'Unknown field "foo".' }`. An own `__proto__` key (JSON.parse
 * makes one) is refused like any other and never copied, so no prototype is touched.
 */
export function strictObject<S extends z.core.$ZodLooseShape>(shape: S) {
  return z.strictObject(shape).check(oneIssuePerUnknownKey());
}
