import { test, expect, ready, shot } from './fixtures.js';

test('CEL completion offers the fields of the object under review and library functions', async ({ page }) => {
  await page.goto('./');
  await ready(page);
  const tab = await page.evaluate(() => window.__playground!.tabText('policy')!);
  const lines = tab.split('\n');
  const line = lines.findIndex((l) => l.includes('expression: "!object.spec')) + 1;
  const column = lines[line - 1].indexOf('!object') + '!object'.length + 1;
  await page.evaluate(([l, c]) => window.__playground!.reveal('policy', l, c), [line, column]);
  await page.waitForTimeout(200);
  await page.keyboard.type('.');
  const suggest = page.locator('.suggest-widget');
  await expect(suggest).toBeVisible();
  await expect(suggest).toContainText('metadata');
  await expect(suggest).toContainText('spec');
  await shot(page, 'completion');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('.spec.containers[0].');
  await expect(suggest).toContainText('image');
  await page.keyboard.type('image.st');
  // a string: its functions, with their signatures
  await expect(suggest).toContainText('startsWith');
  await expect(suggest).not.toContainText('exists');
});

test('open manifests: sorted by kind into a scenario; Reset returns to the default example', async ({ page }) => {
  await page.goto('./');
  await ready(page);
  const policy = `apiVersion: admissionregistration.k8s.io/v1
kind: MutatingAdmissionPolicy
metadata: {name: add-label}
spec:
  matchConstraints:
    resourceRules: [{apiGroups: [""], apiVersions: ["v1"], operations: ["CREATE"], resources: ["configmaps"]}]
  failurePolicy: Fail
  reinvocationPolicy: Never
  mutations:
  - patchType: ApplyConfiguration
    applyConfiguration:
      expression: 'Object{metadata: Object.metadata{labels: {"team": "blue"}}}'
---
apiVersion: admissionregistration.k8s.io/v1
kind: MutatingAdmissionPolicyBinding
metadata: {name: add-label}
spec: {policyName: add-label}
`;
  const cm = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm, namespace: default}\ndata: {a: "1"}\n';
  await page.locator('input[type=file]').setInputFiles([
    { name: 'policy.yaml', mimeType: 'application/yaml', buffer: Buffer.from(policy) },
    { name: 'cm.yaml', mimeType: 'application/yaml', buffer: Buffer.from(cm) },
  ]);
  await expect.poll(() => page.evaluate(() => window.__playground!.text())).toContain('kind: ConfigMap');
  await expect(page.getByTestId('verdict')).toContainText('Admitted with 1 change');
  await page.locator('[data-pane="final"]').click();
  await expect(page.getByTestId('final-object')).toContainText('team: blue');
  await page.getByRole('button', { name: 'Reset' }).click();
  await expect.poll(() => page.evaluate(() => window.__playground!.text())).toContain('sidecar-policy.example.com');
  await expect(page.getByTestId('toast')).toContainText('Restore');
  await page.getByTestId('toast').getByRole('button', { name: 'Restore' }).click();
  await expect.poll(() => page.evaluate(() => window.__playground!.text())).toContain('kind: ConfigMap');
});

test('the version selector writes kubernetesVersion; Ctrl+S downloads the scenario', async ({ page }) => {
  await page.goto('./');
  await ready(page);
  await page.getByTestId('version').selectOption('1.32');
  await expect.poll(() => page.evaluate(() => window.__playground!.text())).toContain('kubernetesVersion: "1.32"');
  await expect(page.getByTestId('verdict')).toContainText('Admitted');
  const download = page.waitForEvent('download');
  await page.keyboard.press('ControlOrMeta+S');
  const file = await download;
  expect(file.suggestedFilename()).toBe('scenario.yaml');
});

test('dropping a scenario file on the page opens it', async ({ page }) => {
  await page.goto('./');
  await ready(page);
  const example = await page.evaluate(() => window.__playground!.examples.find((e) => e.name === 'reinvocation')!.text);
  await page.evaluate((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'reinvocation.yaml', { type: 'application/yaml' }));
    document.querySelector('.app')!.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, example);
  await expect.poll(() => page.evaluate(() => window.__playground!.text())).toBe(example);
  await expect(page.getByTestId('toast')).toContainText('Opened reinvocation.yaml');
});

test.describe('dark system theme', () => {
  test.use({ colorScheme: 'dark' });
  test('follows the system theme', async ({ page }) => {
    await page.goto('./');
    await ready(page);
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).toBe('rgb(30, 30, 30)');
    await expect(page.locator('.monaco-editor.vs-dark').first()).toBeVisible();
    await shot(page, 'dark');
  });
});
