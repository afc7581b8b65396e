import { test, expect, ready, shot } from './fixtures.js';

test('first visit: the sidecar example, evaluated, with mesh-proxy in the diff', async ({ page }) => {
  await page.goto('./');
  await ready(page);
  await expect(page.getByTestId('verdict')).toContainText('Admitted');
  await expect(page.getByTestId('diff')).toBeVisible();
  await expect(page.locator('.diff-host .modified-in-monaco-diff-editor, .diff-host .editor.modified').first()).toContainText('mesh-proxy');
  await expect(page.locator('.monaco-host .view-lines')).toContainText('MutatingAdmissionPolicy');
  // nothing wider than the window
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await shot(page, 'first-visit');
  await page.locator('[data-pane="trace"]').click();
  await expect(page.getByTestId('trace-entry').first()).toContainText('applied');
  await expect(page.getByTestId('trace-entry').nth(1)).toContainText('reinvocation pass');
  await shot(page, 'trace');
});
