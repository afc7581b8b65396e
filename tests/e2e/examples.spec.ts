import { test, expect, ready } from './fixtures.js';

test('every example loads from the menu and evaluates to its expect', async ({ page }) => {
  await page.goto('./');
  await ready(page);
  const names = await page.evaluate(() => window.__playground!.examples.map((e) => e.name));
  expect(names.length).toBeGreaterThan(5);
  const failures: string[] = [];
  for (const name of names) {
    await page.getByTestId('examples').selectOption(name);
    const text = await page.evaluate((n) => window.__playground!.examples.find((e) => e.name === n)!.text, name);
    await expect.poll(() => page.evaluate(() => window.__playground!.text())).toBe(text);
    await expect(page.getByTestId('verdict')).not.toHaveText(/Evaluating/);
    const r = await page.evaluate((t) => window.__playground!.check(t), text);
    if (r.failures === null) failures.push(`${name}: no expect`);
    else for (const f of r.failures) failures.push(`${name}: ${f.message}`);
  }
  expect(failures).toEqual([]);
});
