import { test, expect, ready } from './fixtures.js';

test('a share link round-trips the exact text', async ({ page, context }) => {
  await page.goto('./');
  await ready(page);
  const text = await page.evaluate(() => window.__playground!.text());
  const odd = text.replace('name: myapp', 'name: "shared"   # a comment,  with  spaces\t') + '\n# trailing comment ✓\n';
  await page.evaluate((t) => window.__playground!.setText(t), odd);
  await expect(page).toHaveURL(/#s1\./);
  const url = page.url();
  // the Share button copies the same link
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByTestId('share').click();
  await expect(page.getByTestId('toast')).toContainText('Link copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
  const other = await context.newPage();
  await other.goto(url);
  await ready(other);
  expect(await other.evaluate(() => window.__playground!.text())).toBe(odd);
  await expect(other.getByTestId('verdict')).toContainText('Admitted');
});

test('an undecodable link shows a message and the default example', async ({ page }) => {
  await page.goto('./#s1.this-is-not-deflate');
  await ready(page);
  await expect(page.getByTestId('toast')).toContainText('could not be opened');
  await expect(page.getByTestId('verdict')).toContainText('Admitted');
  expect(await page.evaluate(() => window.__playground!.text())).toContain('sidecar-policy.example.com');
});
