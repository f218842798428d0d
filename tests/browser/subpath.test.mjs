// The built app works from a sub-path of a static host, as a team would host it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setup } from './support.mjs';

test('the release build runs under /teams/okr/ with relative URLs', async () => {
  const app = await setup({ base: '/teams/okr/' });
  try {
    const page = await app.open({ hash: '#/rollout' });
    await page.getByRole('heading', { name: 'Rollout' }).waitFor();
    assert.match(page.url(), /\/teams\/okr\/#\/rollout$/);
  } finally {
    await app.close();
  }
});
