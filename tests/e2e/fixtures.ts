// Every test runs offline: any request that is not to the local preview server is aborted (and
// recorded, so a test can prove none was made).
import { test as base, expect, type Page } from '@playwright/test';
import type { TestHook } from '../../src/web/testHook.js';

export const test = base.extend<{ blocked: string[] }>({
  blocked: [
    async ({ page }, use) => {
    const blocked: string[] = [];
    await page.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.protocol === 'data:' || url.protocol === 'blob:') return route.continue();
      blocked.push(url.href);
      return route.abort();
    });
    await use(blocked);
    expect(blocked, 'requests outside localhost').toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };

export const hook = (page: Page) => page.evaluateHandle(() => window.__playground as TestHook);

/** Waits until the page has evaluated and returns the verdict text. */
export async function ready(page: Page): Promise<void> {
  await expect(page.getByTestId('verdict')).not.toHaveText(/Evaluating/);
  await page.waitForFunction(() => !!window.__playground && window.__playground.tabText('scenario') !== undefined);
}

export const shot = (page: Page, name: string) => page.screenshot({ path: `tests/e2e/screenshots/${name}.png` });
