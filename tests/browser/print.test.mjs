// Printing a unit's OKRs, the scoring summary and the rollout plan: no
// navigation or editing controls, and no chart split across pages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup } from './support.mjs';

let app;
before(async () => {
  app = await setup();
});
after(() => app.close());

const hidden = (locator) => locator.evaluateAll((els) => els.every((el) => getComputedStyle(el).display === 'none'));
const unsplit = (locator) => locator.evaluateAll((els) => els.length > 0 && els.every((el) => getComputedStyle(el).breakInside === 'avoid'));

async function printed(page) {
  await page.emulateMedia({ media: 'print' });
  assert.ok(await hidden(page.locator('header.top')), 'no navigation or toolbar');
  const pdf = await page.pdf({ format: 'A4' });
  assert.ok(pdf.length > 10_000, 'prints pages');
}

test("a unit's OKRs print without the app around them", async () => {
  const page = await app.open();
  await page.getByRole('combobox', { name: 'Show unit' }).selectOption({ label: 'Fernhill Cycles › Engineering' });
  await page.getByRole('button', { name: 'Engineering', exact: true }).click();
  await printed(page);
  assert.ok(await hidden(page.locator('.panel, .filters, .welcome')), 'no editor, filters or welcome');
  assert.ok(await unsplit(page.locator('.objective')), 'objectives are not split across pages');
  assert.match(await page.locator('main').innerText(), /Ship an app riders rave about/);
});

test('the scoring summary prints with its chart on one page', async () => {
  const page = await app.open({ hash: '#/scoring' });
  await page.getByRole('button', { name: 'End of cycle' }).click();
  await printed(page);
  assert.ok(await unsplit(page.locator('.summary, .chart')));
  assert.ok(await hidden(page.locator('.segmented, .filters')));
});

test('the rollout plan prints its picture whole', async () => {
  const page = await app.open({ hash: '#/rollout' });
  await page.getByRole('heading', { name: 'Rollout', level: 1 }).waitFor();
  await printed(page);
  assert.ok(await unsplit(page.locator('.picture')));
});
