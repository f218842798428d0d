// Two tabs on one plan: edits show in the other tab, and neither tab ever
// silently overwrites what the other saved.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, savedPlan, planName, rename } from './support.mjs';

let app;
before(async () => {
  app = await setup();
});
after(() => app.close());


async function twoTabs() {
  const first = await app.open();
  const second = await first.context().newPage();
  await second.goto(app.url);
  await planName(second).waitFor();
  return [first, second];
}

/** Two tabs on a plan that is already saved, both up to date. */
async function twoTabsOnASavedPlan() {
  const [a, b] = await twoTabs();
  await rename(a, 'Shared plan');
  await b.waitForFunction(() => document.querySelector('input[aria-label="Plan name"]').value === 'Shared plan');
  return [a, b];
}

/** What another tab's save looks like from here: the plan and a new stamp. */
async function saveFromElsewhere(page, name) {
  await page.evaluate((name) => {
    const plan = JSON.parse(localStorage.getItem('okrplan.plan'));
    plan.meta.name = name;
    localStorage.setItem('okrplan.plan', JSON.stringify(plan));
    localStorage.setItem('okrplan.stamp', `elsewhere:${Date.now()}`);
  }, name);
}

test('an edit in one tab shows in the other', async () => {
  const [a, b] = await twoTabs();
  await rename(a, 'Renamed in tab A');
  await b.getByRole('status').filter({ hasText: 'Updated with changes made in another tab.' }).waitFor();
  assert.equal(await planName(b).inputValue(), 'Renamed in tab A');
  await rename(b, 'And again in tab B');
  await a.waitForFunction(() => document.querySelector('input[aria-label="Plan name"]').value === 'And again in tab B');
});

test('unsaved edits meet another tab\'s save: nothing is overwritten until the user chooses', async () => {
  const [a, b] = await twoTabsOnASavedPlan();
  await rename(b, 'Edited in B');
  await saveFromElsewhere(a, 'Saved by A meanwhile'); // arrives while B's edit waits to be saved
  const banner = b.getByRole('alert').filter({ hasText: 'This plan was changed in another tab' });
  await banner.waitFor();
  await b.waitForTimeout(800); // longer than the autosave delay
  assert.equal((await savedPlan(b)).meta.name, 'Saved by A meanwhile', 'B did not overwrite');
  assert.equal(await b.locator('.saved').innerText(), 'Not saved');

  await banner.getByRole('button', { name: "Keep this tab's version" }).click();
  await savedPlan(b, (p) => p.meta.name === 'Edited in B');
  await banner.waitFor({ state: 'detached' });
});

test('choosing the other tab\'s version can be undone', async () => {
  const [a, b] = await twoTabsOnASavedPlan();
  await rename(b, 'Mine in B');
  await saveFromElsewhere(a, 'Theirs from A');
  const banner = b.getByRole('alert').filter({ hasText: 'This plan was changed in another tab' });
  await banner.getByRole('button', { name: "Load the other tab's version" }).click();
  assert.equal(await planName(b).inputValue(), 'Theirs from A');
  await b.getByRole('button', { name: 'Undo' }).click();
  assert.equal(await planName(b).inputValue(), 'Mine in B');
  await savedPlan(b, (p) => p.meta.name === 'Mine in B');
});

test('a tab that opened on a share link and saves a copy later does not overwrite a save made meanwhile', async () => {
  const [a, b] = await twoTabsOnASavedPlan();
  await a.getByRole('toolbar', { name: 'Plan' }).getByRole('button', { name: 'Share link…' }).click();
  const share = a.getByRole('dialog', { name: 'Share the plan by link' });
  const link = await share.getByRole('textbox', { name: 'Share link' }).inputValue();
  await share.getByRole('button', { name: 'Close' }).click();
  await b.goto(link); // B opens on the link; its own plan is the one saved now
  await b.getByRole('region', { name: 'Shared plan' }).waitFor();

  await rename(a, 'Saved by A meanwhile');
  await savedPlan(a, (p) => p.meta.name === 'Saved by A meanwhile');
  await b.getByRole('button', { name: 'Save a copy…' }).click();
  await b.getByRole('dialog', { name: 'Open the shared plan' }).getByRole('button', { name: 'Replace current plan' }).click();
  await b.getByRole('alert').filter({ hasText: 'This plan was changed in another tab' }).waitFor();
  assert.equal((await savedPlan(b)).meta.name, 'Saved by A meanwhile', 'B did not overwrite');
});

test("another tab's plan taking the sample's place closes the welcome here too", async () => {
  const [a, b] = await twoTabs();
  const welcome = (page) => page.getByRole('region', { name: 'Welcome to okrplan' });
  await welcome(b).waitFor();
  await welcome(a).getByRole('button', { name: 'Start a blank plan' }).click();
  await b.getByRole('status').filter({ hasText: 'Updated with changes made in another tab.' }).waitFor();
  assert.equal(await b.getByRole('list', { name: 'Organisation' }).getByRole('button', { name: 'Fernhill Cycles', exact: true }).count(), 0, 'the blank plan is shown');
  assert.equal(await welcome(b).count(), 0);
});
