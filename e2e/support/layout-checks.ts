import type { Page } from "@playwright/test";

// Layout checks for presenter mode (e2e/presenter.spec.ts), run inside the page:
//
// 1. Overflow: the document is no wider than the viewport, and no visible element reaches past
//    the viewport's right edge unless an ancestor clips it horizontally (a table's own scroll
//    box, a truncated line): what a scroll box holds is reached by scrolling that box, not the page.
// 2. Words broken across lines: for every text node laid out on more than one line, each
//    whitespace-separated token's Range is measured; a token whose client rects sit on more than
//    one line is broken, and the break is located character by character. A break between two
//    letters or digits is a word cut in two (an ARN broken character by character, a name split
//    mid-word); a break after ":", "/", "-", "." and the like is a sensible point and allowed.
// 3. One word per line: a text node of three or more words whose every line holds a single word
//    sits in a column too narrow for it (the dashboard's "Recent changes" squeezed to a sliver).
//
// Range rects measure what the browser really drew, whatever CSS produced it (word-break,
// overflow-wrap, <wbr>), so the check does not depend on how a component chooses to wrap.

export interface LayoutProblem {
  kind: "document-overflow" | "element-overflow" | "broken-word" | "word-per-line";
  detail: string;
}

export async function layoutProblems(page: Page): Promise<LayoutProblem[]> {
  return page.evaluate(() => {
    const problems: { kind: "document-overflow" | "element-overflow" | "broken-word" | "word-per-line"; detail: string }[] = [];
    const width = window.innerWidth;
    const doc = document.documentElement;
    if (doc.scrollWidth > width) problems.push({ kind: "document-overflow", detail: `scrollWidth ${doc.scrollWidth} > innerWidth ${width}` });

    const describe = (element: Element): string => {
      const id = element.id ? `#${element.id}` : "";
      const cls = typeof element.className === "string" && element.className ? `.${element.className.trim().split(/\s+/).slice(0, 4).join(".")}` : "";
      const text = (element.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, 60);
      return `<${element.tagName.toLowerCase()}${id}${cls}> “${text}”`;
    };
    const clipsX = (element: Element): boolean => {
      const overflow = getComputedStyle(element).overflowX;
      return overflow !== "visible";
    };
    // Monaco lays out its own scrolled view; text hidden from sight is not read on screen.
    const skippedBox = (element: Element): boolean => element.closest(".monaco-editor") !== null;
    const skippedText = (element: Element): boolean => element.closest(".monaco-editor, .sr-only, [aria-hidden='true']") !== null;
    const clippedByAncestor = (element: Element): boolean => {
      for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
        if (clipsX(parent)) return true;
      }
      return false;
    };
    const visible = (element: Element, rect: DOMRect): boolean => {
      if (rect.width === 0 || rect.height === 0) return false;
      const style = getComputedStyle(element);
      return style.visibility !== "hidden" && style.display !== "none";
    };

    // 1. Elements past the right edge.
    for (const element of Array.from(document.body.querySelectorAll("*"))) {
      if (skippedBox(element)) continue;
      const rect = element.getBoundingClientRect();
      if (!visible(element, rect) || rect.right <= width + 1) continue;
      if (clippedByAncestor(element)) continue;
      problems.push({ kind: "element-overflow", detail: `${describe(element)} right edge ${Math.round(rect.right)} > ${width}` });
      if (problems.length > 20) return problems;
    }

    // 2 and 3. Text laid out over several lines.
    const lineTops = (rects: DOMRectList | DOMRect[]): number[] => {
      const tops: number[] = [];
      for (const rect of Array.from(rects)) {
        if (rect.width === 0) continue;
        if (!tops.some((top) => Math.abs(top - rect.top) < rect.height / 2)) tops.push(rect.top);
      }
      return tops;
    };
    const range = document.createRange();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const wordChar = /[\p{L}\p{N}]/u;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? "";
      const parent = node.parentElement;
      if (!parent || text.trim().length < 2 || skippedText(parent)) continue;
      // Visually hidden text (sr-only: a 1 px clipped box) is not laid out for reading.
      if (parent.getBoundingClientRect().width <= 2) continue;
      range.selectNodeContents(node);
      const lines = lineTops(range.getClientRects()).length;
      if (lines < 2) continue;

      const tokens = Array.from(text.matchAll(/\S+/g));
      if (tokens.length >= 3 && lines >= tokens.length) {
        problems.push({ kind: "word-per-line", detail: `${describe(parent)}: ${tokens.length} words on ${lines} lines` });
      }
      for (const token of tokens) {
        const start = token.index ?? 0;
        const word = token[0];
        if (word.length < 2) continue;
        range.setStart(node, start);
        range.setEnd(node, start + word.length);
        if (lineTops(range.getClientRects()).length < 2) continue;
        // Find where the token moves to the next line, and what sits either side of the cut.
        let previousTop: number | null = null;
        for (let i = 0; i < word.length; i++) {
          range.setStart(node, start + i);
          range.setEnd(node, start + i + 1);
          const rect = range.getBoundingClientRect();
          if (rect.width === 0) continue;
          if (previousTop !== null && rect.top - previousTop > rect.height / 2 && wordChar.test(word[i - 1]) && wordChar.test(word[i])) {
            problems.push({ kind: "broken-word", detail: `${describe(parent)}: “${word}” broken between “${word.slice(0, i)}” and “${word.slice(i)}”` });
            break;
          }
          previousTop = rect.top;
        }
      }
      if (problems.length > 20) break;
    }
    return problems;
  });
}
