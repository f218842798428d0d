// After a first visit the app opens with the network off, also from a sub-path.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setup } from './support.mjs';

for (const base of ['/', '/teams/okr/']) {
  test(`reloads offline after a first visit (served at ${base})`, async () => {
    const app = await setup({ base });
    try {
      const page = await app.open();
      await page.evaluate(() => navigator.serviceWorker.ready);
      await page.waitForFunction(() => navigator.serviceWorker.controller);
      await page.getByRole('textbox', { name: 'Plan name' }).fill('Planned offline');
      await page.getByRole('textbox', { name: 'Plan name' }).press('Enter');
      await page.context().setOffline(true);
      await page.reload();
      await page.getByRole('textbox', { name: 'Plan name' }).waitFor();
      assert.equal(await page.getByRole('textbox', { name: 'Plan name' }).inputValue(), 'Planned offline');
      await page.getByRole('link', { name: 'Scoring' }).click();
      await page.getByRole('heading', { name: 'Scoring' }).waitFor();
    } finally {
      await app.close();
    }
  });
}
