import type { Page } from 'playwright-core';

/**
 * Mantine's generated class names (`m_` and 8 hex digits) in the page that no loaded CSS rule
 * mentions: a component whose style sheet is missing from src/web/styles would show unstyled.
 */
export async function unstyledMantineClasses(page: Page): Promise<string[]> {
  // A string, not a function: tsx would wrap named inner functions in a helper the page lacks.
  return (await page.evaluate(`(() => {
    const used = new Set();
    for (const el of document.querySelectorAll('[class]')) for (const c of el.classList) if (/^m_[0-9a-f]{8}$/.test(c)) used.add(c);
    const selectors = [];
    const walk = (rules) => {
      for (const rule of rules) {
        if (rule.selectorText) selectors.push(rule.selectorText);
        if (rule.cssRules) walk(rule.cssRules);
      }
    };
    for (const sheet of document.styleSheets) walk(sheet.cssRules);
    const all = selectors.join('\\n');
    return [...used].filter((c) => !new RegExp('\\\\.' + c + '(?![0-9a-f])').test(all)).sort();
  })()`)) as string[];
}

/** The page's style sheets in cascade order: file names under /assets/, `inline` for style tags. */
export async function loadedStyleSheets(page: Page): Promise<string[]> {
  return (await page.evaluate(`[...document.styleSheets].map((s) => (s.href ? new URL(s.href).pathname.replace(/^\\/assets\\//, '') : 'inline'))`)) as string[];
}

/**
 * An init script that holds the load event of the signed-in pages' sheet (mantine-app-….css) until
 * the sign-in gate shows its "Loading…" on `/`, then hands it to the app at once: from a mutation
 * observer, so after the gate's render and before its effects. Sets `window.__appSheetHandedOver`.
 */
export const HAND_APP_SHEET_OVER_AT_GATE_LOADER = `(() => {
  const add = EventTarget.prototype.addEventListener;
  EventTarget.prototype.addEventListener = function (type, listener, options) {
    if (type !== 'load' || !(this instanceof HTMLLinkElement) || !/\\/mantine-app-/.test(this.href)) return add.call(this, type, listener, options);
    const link = this;
    return add.call(this, type, (event) => {
      const handOver = () => {
        window.__appSheetHandedOver = true;
        if (typeof listener === 'function') listener.call(link, event);
        else listener.handleEvent(event);
      };
      const gateLoading = () => location.pathname === '/' && [...document.querySelectorAll('[role=status]')].some((n) => n.textContent === 'Loading…');
      if (gateLoading()) return handOver();
      const watch = new MutationObserver(() => {
        if (!gateLoading()) return;
        watch.disconnect();
        handOver();
      });
      watch.observe(document, { subtree: true, childList: true, characterData: true });
    }, options);
  };
})()`;
