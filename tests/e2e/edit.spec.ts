import { test, expect, ready, shot } from './fixtures.js';

test('editing the Pod updates the result', async ({ page }) => {
  await page.goto('./');
  await ready(page);
  await expect(page.getByTestId('verdict')).toContainText('with 1 change');
  await page.locator('[data-tab="object"]').click();
  const before = await page.evaluate(() => window.__playground!.tabText('object')!);
  expect(before).toContain('name: myapp');
  // type for real: go to `  name: myapp` (line 4), replace the name key by key
  await page.locator('.monaco-host .view-lines').click();
  await page.keyboard.press('ControlOrMeta+Home');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  for (let i = 0; i < 'myapp'.length; i++) await page.keyboard.press('Backspace');
  await page.keyboard.type('edited-pod');
  await page.locator('[data-pane="final"]').click();
  await expect(page.getByTestId('final-object')).toContainText('name: edited-pod');
  expect(await page.evaluate(() => window.__playground!.tabText('object'))).toBe(before.replace('name: myapp\n', 'name: edited-pod\n'));
  // a Pod that already has the sidecar: the policy's condition is false
  const typed = await page.evaluate(() => window.__playground!.tabText('object')!);
  const pod = typed.replace('  - name: init-myservice', '  - name: mesh-proxy\n    image: mesh-proxy/v1.0.0\n  - name: init-myservice');
  expect(pod).not.toBe(typed);
  await page.evaluate((t) => window.__playground!.type('object', t), pod);
  await expect(page.getByTestId('verdict')).toContainText('unchanged');
  await page.locator('[data-pane="trace"]').click();
  await expect(page.getByTestId('trace-entry').first()).toContainText('match condition false');
  // the Scenario tab shows the same edit, comments of the file kept
  const scenario = await page.evaluate(() => window.__playground!.text());
  expect(scenario).toContain('name: edited-pod');
  expect(scenario.startsWith('#')).toBe(true);
  await shot(page, 'edited-pod');
});

test('invalid YAML in a tab is kept as typed and marked; the scenario keeps its last valid version', async ({ page }) => {
  await page.goto('./');
  await ready(page);
  await page.locator('[data-tab="object"]').click();
  const ok = await page.evaluate(() => window.__playground!.tabText('object')!);
  const broken = ok.replace('name: myapp', 'name: [myapp');
  await page.evaluate((t) => window.__playground!.type('object', t), broken);
  await expect(page.locator('.draft-note')).toBeVisible();
  await expect(page.locator('.monaco-host .squiggly-error').first()).toBeVisible();
  expect(await page.evaluate(() => window.__playground!.tabText('object'))).toBe(broken);
  expect(await page.evaluate(() => window.__playground!.text())).toContain('name: myapp');
  // survives a reload
  await page.waitForTimeout(500);
  await page.reload();
  await ready(page);
  expect(await page.evaluate(() => window.__playground!.tabText('object'))).toBe(broken);
});

test('a YAML error in the Scenario tab is marked there and listed; the other tabs wait read-only', async ({ page }) => {
  await page.goto('./');
  await ready(page);
  await page.locator('[data-tab="scenario"]').click();
  const text = await page.evaluate(() => window.__playground!.text());
  await page.evaluate((t) => window.__playground!.type('scenario', t), text.replace('kind: Pod', 'kind: [Pod'));
  await expect(page.getByTestId('verdict')).toContainText('Invalid scenario');
  const line = text.split('\n').findIndex((l) => l.includes('kind: Pod')) + 1;
  // the YAML parser reports an unclosed `[` where it gives up: that line or the next
  const lines = () => page.evaluate(() => window.__playground!.markers().filter((m) => m.tab === 'scenario').map((m) => m.range.startLineNumber));
  await expect.poll(async () => (await lines()).some((l) => l === line || l === line + 1)).toBe(true);
  await page.locator('[data-pane="problems"]').click();
  await expect(page.getByTestId('problems')).toContainText('Scenario');
  await page.getByTestId('problems').locator('button.link').first().click();
  await expect(page.locator('.monaco-host .squiggly-error').first()).toBeInViewport();
  await shot(page, 'scenario-yaml-error');
  await page.locator('[data-tab="request"]').click();
  await expect(page.locator('.hint-note')).toBeVisible();
  await page.locator('.monaco-host .view-lines').click();
  await page.keyboard.type('operation: UPDATE');
  expect(await page.evaluate(() => window.__playground!.tabText('request'))).toBe('');
});
