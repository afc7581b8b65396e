import { test, expect, ready, shot } from './fixtures.js';

test('a broken CEL expression puts a marker on the right line and column', async ({ page }) => {
  await page.goto('./');
  await ready(page);
  const tab = await page.evaluate(() => window.__playground!.tabText('policy')!);
  const broken = tab.replace('ic.name == \\"mesh-proxy\\"', 'ic.name === \\"mesh-proxy\\"');
  expect(broken).not.toBe(tab);
  await page.evaluate((t) => window.__playground!.type('policy', t), broken);
  await expect(page.getByTestId('verdict')).toContainText('Denied');
  const lines = broken.split('\n');
  const line = lines.findIndex((l) => l.includes('===')) + 1;
  // the engine (like cel-go) points at the third '=': "token recognition error at: '= '"
  const column = lines[line - 1].indexOf('===') + 3;
  await expect
    .poll(() => page.evaluate(() => window.__playground!.markers().filter((m) => m.tab === 'policy').map((m) => [m.range.startLineNumber, m.range.startColumn, m.message])))
    .toEqual([[line, column, expect.stringContaining('Syntax error')]]);
  await expect(page.locator('.monaco-host .squiggly-error').first()).toBeVisible();
  // the Problems pane lists it; clicking it puts the cursor there
  await page.locator('[data-pane="problems"]').click();
  await expect(page.getByTestId('problems')).toContainText('spec.matchConditions[0].expression');
  await page.getByTestId('problems').locator('button.link').first().click();
  await expect(page.locator('.monaco-host .squiggly-error').first()).toBeInViewport();
  await page.waitForTimeout(300);
  await shot(page, 'cel-marker');
});
