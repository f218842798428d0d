// The frame around the views: first visit, empty plans, themes, shortcuts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, savedPlan, openFile, planName } from './support.mjs';

let app;
before(async () => {
  app = await setup();
});
after(() => app.close());


test('a first visit offers the sample, a blank plan or a file', async () => {
  const welcome = (page) => page.getByRole('region', { name: 'Welcome to okrplan' });
  let page = await app.open();
  await welcome(page).getByRole('button', { name: 'Explore the sample plan' }).click();
  await welcome(page).waitFor({ state: 'detached' });

  // The welcome introduces the sample: it closes when a blank plan takes its place, and stays closed.
  page = await app.open();
  await welcome(page).getByRole('button', { name: 'Start a blank plan' }).click();
  assert.equal(await planName(page).inputValue(), 'New plan');
  await page.getByRole('list', { name: 'Organisation' }).getByRole('button', { name: 'My organisation', exact: true }).waitFor();
  assert.equal(await welcome(page).count(), 0);
  await page.getByRole('button', { name: 'Undo' }).click();
  assert.equal(await planName(page).inputValue(), 'Fernhill Cycles — OKRs 2026/27');
  assert.equal(await welcome(page).count(), 0);
  await page.reload(); // not a first visit any more once something was saved
  await savedPlan(page);
  assert.equal(await welcome(page).count(), 0);

  // It also closes when a file is opened in its place.
  page = await app.open();
  await welcome(page).waitFor();
  const team = { format: 'okrplan', schema_version: 1, meta: { name: 'Team plan' }, units: [{ id: 'u-team', name: 'Team', kind: 'team' }] };
  await openFile(page, 'team.okrplan.json', JSON.stringify(team));
  await page.getByRole('dialog').getByRole('button', { name: 'Replace current plan' }).click();
  await page.getByRole('list', { name: 'Organisation' }).getByRole('button', { name: 'Team', exact: true }).waitFor();
  assert.equal(await welcome(page).count(), 0);
});

test('an empty plan shows the ways to start', async () => {
  const page = await app.open();
  const empty = { format: 'okrplan', schema_version: 1, meta: { name: 'Nothing yet' } };
  await openFile(page, 'empty.okrplan.json', JSON.stringify(empty));
  await page.getByRole('dialog').getByRole('button', { name: 'Replace current plan' }).click();
  const start = page.getByRole('region', { name: 'This plan is empty' });
  await start.getByRole('button', { name: 'Explore the sample plan' }).click();
  await page.getByRole('heading', { name: 'Cascade' }).waitFor();
});

test('the theme follows the system until one is chosen, and is remembered', async () => {
  const page = await app.open();
  await page.emulateMedia({ colorScheme: 'dark' });
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(await background(), 'rgb(20, 23, 28)');
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('Light');
  assert.equal(await background(), 'rgb(246, 247, 249)');
  await page.reload();
  await planName(page).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'light');
  assert.equal(await background(), 'rgb(246, 247, 249)');
});

test('"?" shows the keyboard shortcuts, Escape closes them', async () => {
  const page = await app.open();
  await page.locator('main').click();
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  assert.match(await help.innerText(), /Ctrl\+Z\s+Undo/);
  await page.keyboard.press('Escape');
  await help.waitFor({ state: 'detached' });
  await planName(page).focus();
  await page.keyboard.press('?'); // typing a question mark in a field is just typing
  assert.equal(await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).count(), 0);
});

test('keyboard focus is always visible', async () => {
  const page = await app.open();
  await page.locator('body').click();
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement);
      return `${style.outlineStyle} ${style.outlineWidth}`;
    });
    assert.match(outline, /^solid [1-9]/, `focused element ${i + 1} shows its focus`);
  }
});
