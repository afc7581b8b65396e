import { test, expect, ready, shot } from './fixtures.js';

test('a runaway expression leaves the page responsive and shows the time-limit message', async ({ page }) => {
  await page.goto('./');
  await ready(page);
  const text = await page.evaluate(() => window.__playground!.text());
  // catastrophic backtracking: the worker spins, the page must not
  const runaway = text.replace(/expression: "!object\.spec\.initContainers[^\n]*/, () => `expression: "!'${'a'.repeat(40)}!'.matches('^(a+)+$')"`);
  expect(runaway).not.toBe(text);
  await page.evaluate((t) => window.__playground!.setText(t), runaway);
  // responsive while the worker is busy: switching tabs works at once
  await page.waitForTimeout(300);
  const t0 = Date.now();
  await page.locator('[data-pane="trace"]').click();
  await expect(page.locator('[data-pane="trace"]')).toHaveAttribute('aria-selected', 'true');
  expect(Date.now() - t0).toBeLessThan(1000);
  await expect(page.getByTestId('verdict')).toContainText('longer than 3 s', { timeout: 8000 });
  await shot(page, 'runaway');
  // a fresh worker answers the next edit
  await page.evaluate((t) => window.__playground!.setText(t), text);
  await expect(page.getByTestId('verdict')).toContainText('Admitted');
});
