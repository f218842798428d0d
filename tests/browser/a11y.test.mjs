// WCAG 2.1 AA in every view and both themes, checked with axe-core.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { setup } from './support.mjs';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
let app;
before(async () => {
  app = await setup();
});
after(() => app.close());

async function violations(page) {
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }),
  );
  return result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

const screens = {
  'cascade with the unit editor': async (page) => {
    await page.getByRole('list', { name: 'Organisation' }).getByRole('button', { name: 'Engineering', exact: true }).click();
  },
  'alignment map': async (page) => {
    await page.getByRole('button', { name: 'Alignment map' }).click();
    await page.getByRole('img', { name: /Alignment map/ }).waitFor();
  },
  'scoring with check-in history': async (page) => {
    await page.goto(`${app.url}#/scoring`);
    await page.getByRole('button', { name: 'Check-ins of Raise NPS from 32 to 50' }).click();
  },
  'end of cycle': async (page) => {
    await page.goto(`${app.url}#/scoring`);
    await page.getByRole('button', { name: 'End of cycle' }).click();
    await page.getByRole('region', { name: 'Cycle summary' }).waitFor();
  },
  rollout: async (page) => {
    await page.goto(`${app.url}#/rollout`);
    await page.getByRole('heading', { name: 'Rollout', level: 1 }).waitFor();
  },
  'workshop slides': async (page) => {
    await page.getByRole('button', { name: 'Workshop mode' }).click();
    await page.getByRole('group', { name: 'Fernhill Cycles: company objectives' }).waitFor();
  },
  'keyboard shortcuts dialog': async (page) => {
    await page.getByRole('heading', { level: 1, name: 'Cascade' }).click();
    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
  },
};

for (const scheme of ['light', 'dark']) {
  for (const [name, reach] of Object.entries(screens)) {
    test(`${name}, ${scheme} theme: no WCAG 2.1 AA violations`, async () => {
      const page = await app.open();
      await page.emulateMedia({ colorScheme: scheme });
      await reach(page);
      assert.deepEqual(await violations(page), []);
    });
  }
}

test('"Skip to content" moves to the view shown, and stays in it', async () => {
  const page = await app.open({ hash: '#/scoring' });
  await page.getByRole('heading', { level: 1, name: 'Scoring' }).waitFor();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Skip to content');
  await skip.press('Enter');
  await page.waitForFunction(() => document.activeElement.id === 'main');
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Scoring');
});

// WCAG 1.4.10 (reflow): at 320 CSS pixels wide nothing makes the page scroll sideways.
for (const [name, reach] of Object.entries(screens)) {
  test(`${name}, 320 pixels wide: the page does not scroll sideways`, async () => {
    const page = await app.open();
    await page.setViewportSize({ width: 320, height: 640 });
    await reach(page);
    const wider = await page.evaluate(() => [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > innerWidth + 1 && !e.closest('.score-card table, .check-ins'))
      .slice(0, 3)
      .map((e) => `${e.tagName.toLowerCase()}.${e.className} “${e.textContent.trim().slice(0, 30)}”`));
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 320, wider.join('; '));
  });
}
