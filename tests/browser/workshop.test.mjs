// Workshop mode on a projector: slides stepped with the arrow keys, large
// type, no editing chrome, and grading on the slides themselves.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, savedPlan, openFile, flatPlan } from './support.mjs';

let app;
before(async () => {
  app = await setup();
});
after(() => app.close());

test('workshop mode steps through the company, the departments and the map with the arrow keys', async () => {
  const page = await app.open();
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.getByRole('button', { name: 'Workshop mode' }).click();
  const slide = (name) => page.getByRole('group', { name });
  await slide('Fernhill Cycles: company objectives').waitFor();
  assert.equal(await page.getByRole('textbox', { name: 'Plan name' }).count(), 0, 'no editing chrome');
  const size = await page.locator('.workshop .score-head h3').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  assert.ok(size >= 26, `objective titles are large (${size}px)`);

  await page.keyboard.press('ArrowRight');
  await slide('Engineering: OKRs').waitFor();
  assert.match(await page.locator('.slide-count').innerText(), /^2 \/ 7/);
  await page.keyboard.press('End');
  await slide('Rollout timeline').getByRole('img', { name: /Timeline of 3 phases/ }).waitFor();
  await page.keyboard.press('ArrowLeft');
  await slide('Alignment map').getByRole('img', { name: /Alignment map/ }).waitFor();
  await page.keyboard.press('ArrowLeft');
  await slide('People & culture: OKRs').waitFor();
  await page.keyboard.press('Home');
  await slide('Fernhill Cycles: company objectives').waitFor();

  // Grade without leaving the slide: Enter checks in and moves to the next key result.
  await page.getByRole('textbox', { name: 'New value for Raise NPS from 32 to 50' }).fill('50');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), 'New value for Grow repeat purchases from 18% to 25%');
  await page.keyboard.press('ArrowRight'); // in a field the arrow keys edit text, not slides
  await slide('Fernhill Cycles: company objectives').waitFor();
  await savedPlan(page, (p) => p.objectives[0].key_results[0].check_ins.length === 4);

  await page.locator('main').click();
  await page.keyboard.press('Escape');
  await page.getByRole('textbox', { name: 'Plan name' }).waitFor();
  assert.equal(new URL(page.url()).hash, '#/cascade');
});

test('a slide of a unit with many objectives shows a page of them at a time', async () => {
  const page = await app.open();
  await openFile(page, 'flat.okrplan.json', JSON.stringify(flatPlan(120)));
  await page.getByRole('dialog').getByRole('button', { name: 'Replace current plan' }).click();
  await page.getByRole('button', { name: 'Workshop mode' }).click();
  const slide = page.getByRole('group', { name: 'Team: company objectives' });
  const titles = slide.locator('.score-head h3');
  await titles.nth(49).waitFor(); // drawn ten at a time
  assert.equal(await titles.count(), 50);
  const more = slide.locator('p.more');
  assert.equal(await more.innerText(), 'Showing 50 of 120 objectives. Show 50 more');
  // Space presses the focused button; it does not turn the slide.
  await more.getByRole('button', { name: 'Show 50 more' }).focus();
  await page.keyboard.press(' ');
  await more.filter({ hasText: /^Showing 100 of 120/ }).waitFor();
  await titles.nth(99).waitFor();
  assert.equal(await titles.count(), 100);
});
