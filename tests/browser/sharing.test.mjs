// Sharing between teams: unit parts, the merge preview, share links.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, savedPlan, openFile, download, planName, rename } from './support.mjs';

let app;
before(async () => {
  app = await setup();
});
after(() => app.close());

const unitButton = (page, name) => page.getByRole('list', { name: 'Organisation' }).getByRole('button', { name, exact: true });
const panel = (page, name) => page.getByRole('complementary', { name: `Unit: ${name}` });
const objectiveOf = (plan, id) => plan.objectives.find((o) => o.id === id);

/** Downloads a unit's part through its panel, as a department head would. */
async function exportPart(page, unit) {
  await unitButton(page, unit).click();
  const file = await download(page, () => panel(page, unit).getByRole('button', { name: "Export this unit's part" }).click());
  return { name: file.name, plan: JSON.parse(file.text) };
}

/** Opens a file and chooses to merge it; returns the preview dialog. */
async function openForMerge(page, name, plan) {
  await openFile(page, name, JSON.stringify(plan, null, 2));
  await page.getByRole('dialog', { name: `Open ${name}` }).getByRole('button', { name: 'Merge into current plan…' }).click();
  return page.getByRole('dialog', { name: `Merge ${name}` });
}

const newObjective = (id, unit, alignedTo) => ({
  id,
  title: `Objective ${id}`,
  unit,
  cycle: 'q4-2026',
  commitment: 'aspirational',
  aligned_to: alignedTo,
  key_results: [{ id: `${id}-kr`, title: `Key result of ${id}`, measure: 'number', start: 0, target: 5, weight: 1, check_ins: [] }],
});

test('a department part merges back through the preview, item by item, in one undoable step', async () => {
  const page = await app.open();
  const { name, plan: part } = await exportPart(page, 'Sales');
  assert.equal(name, 'sales-part-of-fernhill-cycles-okrs-2026-27.okrplan.json');
  assert.deepEqual(part.scope, { unit: 'u-sales', parent: 'u-company' });
  assert.deepEqual(part.units.map((u) => u.name), ['Sales', 'EMEA sales']);
  assert.deepEqual(part.references.map((r) => r.title), ['Make every bike we sell profitable']);

  // The department edits one objective and adds two aligned to company key results.
  objectiveOf(part, 'o-emea').title = 'Win twenty Nordic dealers';
  part.objectives.push(newObjective('o-margin-team', 'u-emea', { key_result: 'kr-margin' }));
  part.objectives.push(newObjective('o-skipped', 'u-emea', null));

  const preview = await openForMerge(page, name, part);
  assert.match(await preview.innerText(), /4 new, 1 changed; \d+ the same\./);
  await preview.getByRole('group', { name: 'New in the file (4)' }).waitFor();
  const changed = preview.getByRole('checkbox', { name: 'Take objective “Win twenty Nordic dealers · EMEA sales” (title)' });
  assert.equal(await changed.isChecked(), true);
  // Leave one new objective out: its key result goes with it unless chosen.
  await preview.getByRole('checkbox', { name: 'Add objective “Objective o-skipped · EMEA sales”' }).uncheck();
  await preview.getByRole('checkbox', { name: 'Add key result “Key result of o-skipped · Objective o-skipped”' }).uncheck();
  // The button says the merge is under way before it starts: a large plan takes a moment.
  await page.evaluate(() => {
    window.__mergeButton = [];
    new MutationObserver(() => {
      const button = document.querySelector('[role=dialog] button.primary');
      if (button) window.__mergeButton.push(`${button.textContent}${button.getAttribute('aria-disabled') === 'true' ? ' (disabled)' : ''}`);
    }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  await preview.getByRole('button', { name: 'Merge 3 changes' }).click();
  await page.getByRole('status').filter({ hasText: `Merged 3 changes from ${name}. Undo takes the merge back.` }).waitFor();
  assert.ok((await page.evaluate(() => window.__mergeButton)).includes('Merging… (disabled)'));

  let saved = await savedPlan(page, (p) => p.objectives.some((o) => o.id === 'o-margin-team'));
  assert.equal(objectiveOf(saved, 'o-emea').title, 'Win twenty Nordic dealers');
  assert.deepEqual(objectiveOf(saved, 'o-margin-team').aligned_to, { key_result: 'kr-margin' }, 'keeps its alignment to the company KR');
  assert.equal(objectiveOf(saved, 'o-skipped'), undefined);
  assert.equal(saved.units.find((u) => u.id === 'u-sales').parent, 'u-company');

  // The same file again: only what was left out is still offered.
  const again = await openForMerge(page, name, part);
  assert.match(await again.innerText(), /2 new; \d+ the same\./);
  await again.getByRole('button', { name: 'Accept none' }).click();
  await again.getByRole('button', { name: 'Merge 0 changes' }).click();
  await page.getByRole('status').filter({ hasText: `Nothing to change: the plan already has what ${name} holds.` }).waitFor();

  await page.getByRole('button', { name: 'Undo' }).click();
  saved = await savedPlan(page, (p) => !p.objectives.some((o) => o.id === 'o-margin-team'));
  assert.equal(objectiveOf(saved, 'o-emea').title, 'Win the first Nordic dealers');
});

test('two team files merge into one plan, and an edit on both sides is a conflict', async () => {
  const page = await app.open();
  const sales = await exportPart(page, 'Sales');
  const eng = await exportPart(page, 'Engineering');
  objectiveOf(sales.plan, 'o-emea').title = 'Sales wrote this';
  // Aligned to a company objective the part only references.
  eng.plan.objectives.push(newObjective('o-eng-new', 'u-eng', { objective: 'o-loved' }));
  objectiveOf(eng.plan, 'o-eng-app').title = 'Engineering wrote this';

  // Meanwhile the champion edits the same Engineering objective here.
  await unitButton(page, 'Engineering').click();
  const title = panel(page, 'Engineering').getByRole('textbox', { name: 'Objective title' }).first();
  await title.fill('The champion wrote this');
  await title.press('Enter');
  await savedPlan(page, (p) => p.objectives.some((o) => o.title === 'The champion wrote this'));

  let preview = await openForMerge(page, sales.name, sales.plan);
  await preview.getByRole('button', { name: 'Merge 1 change' }).click();
  preview = await openForMerge(page, eng.name, eng.plan);
  await preview.getByRole('group', { name: 'Changed here and in the file (1)' }).waitFor();
  const conflict = preview.getByRole('checkbox', { name: 'Take theirs for objective “Engineering wrote this · Engineering” (title)' });
  assert.equal(await conflict.isChecked(), false, 'a conflict keeps this plan’s version unless chosen');
  await preview.getByRole('button', { name: 'Merge 2 changes' }).click();

  let saved = await savedPlan(page, (p) => p.objectives.some((o) => o.id === 'o-eng-new'));
  assert.equal(objectiveOf(saved, 'o-emea').title, 'Sales wrote this');
  assert.equal(objectiveOf(saved, 'o-eng-app').title, 'The champion wrote this');
  assert.deepEqual(objectiveOf(saved, 'o-eng-new').aligned_to, { objective: 'o-loved' });

  // Taking theirs resolves it.
  preview = await openForMerge(page, eng.name, eng.plan);
  await conflict.check();
  await preview.getByRole('button', { name: 'Merge 1 change' }).click();
  saved = await savedPlan(page, (p) => p.objectives.find((o) => o.id === 'o-eng-app').title === 'Engineering wrote this');
  assert.equal(objectiveOf(saved, 'o-emea').title, 'Sales wrote this');
});

test('a share link opens the plan read-only, saves nothing, and offers to save a copy', async () => {
  const page = await app.open();
  await rename(page, 'Shared from here');
  await page.getByRole('toolbar', { name: 'Plan' }).getByRole('button', { name: 'Share link…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share the plan by link' });
  const link = await dialog.getByRole('textbox', { name: 'Share link' }).inputValue();
  assert.match(link, /#\/shared\/z[A-Za-z0-9_-]+$/);
  assert.ok(link.length < 8000, `${link.length} characters`);

  // Someone else, with a plan of their own.
  const other = await app.open();
  await rename(other, 'My own plan');
  await savedPlan(other, (p) => p.meta.name === 'My own plan');
  // Pasted into the address bar of the tab that has a plan of its own.
  await other.goto(link);
  await other.getByRole('region', { name: 'Shared plan' }).waitFor();
  assert.equal(await planName(other).inputValue(), 'Shared from here');
  assert.equal(await planName(other).getAttribute('readonly'), '');
  await other.getByRole('button', { name: 'Undo' }).isDisabled();
  await unitButton(other, 'Sales').click();
  await panel(other, 'Sales').getByRole('button', { name: 'Add objective' }).click();
  await other.getByRole('status').filter({ hasText: 'This shared plan is read-only' }).waitFor();
  assert.equal(await other.evaluate(() => JSON.parse(localStorage.getItem('okrplan.plan')).meta.name), 'My own plan');

  await other.getByRole('button', { name: 'Save a copy…' }).click();
  await other.getByRole('dialog', { name: 'Open the shared plan' }).getByRole('button', { name: 'Replace current plan' }).click();
  await savedPlan(other, (p) => p.meta.name === 'Shared from here');
  assert.equal(new URL(other.url()).hash, '#/cascade', 'a reload opens the saved plan, not the link');
  await other.getByRole('button', { name: 'Undo' }).click();
  await savedPlan(other, (p) => p.meta.name === 'My own plan');
});

test('a unit part shares by link; a damaged link and a plan too large for a link say so', async () => {
  const page = await app.open();
  await unitButton(page, 'Sales').click();
  await panel(page, 'Sales').getByRole('button', { name: 'Share link…' }).click();
  const share = page.getByRole('dialog', { name: 'Share Sales by link' });
  const link = await share.getByRole('textbox', { name: 'Share link' }).inputValue();
  await share.getByRole('button', { name: 'Close' }).click();
  const viewer = await app.open({ hash: new URL(link).hash });
  await viewer.getByRole('region', { name: 'Shared plan' }).waitFor();
  assert.equal(await planName(viewer).inputValue(), 'Sales (part of Fernhill Cycles — OKRs 2026/27)');

  const damaged = await app.open({ hash: new URL(link).hash.slice(0, -200) });
  const failure = damaged.getByRole('alertdialog', { name: 'Cannot open the shared link' });
  assert.match(await failure.innerText(), /The link is damaged or incomplete\./);

  const units = Array.from({ length: 1500 }, (_, i) => ({
    id: `u-${i}`,
    name: `Unit number ${i} ${(i * 7919).toString(36)}`,
    kind: i ? 'team' : 'company',
    parent: i ? 'u-0' : null,
  }));
  await openFile(page, 'big.okrplan.json', JSON.stringify({ format: 'okrplan', schema_version: 2, meta: { name: 'Big' }, units }));
  await page.getByRole('dialog', { name: 'Open big.okrplan.json' }).getByRole('button', { name: 'Replace current plan' }).click();
  await page.getByRole('toolbar', { name: 'Plan' }).getByRole('button', { name: 'Share link…' }).click();
  const tooLarge = page.getByRole('dialog', { name: 'Share the plan by link' });
  assert.match(await tooLarge.getByRole('alert').innerText(), /^Too large for a link: it would be longer than 8,000 characters, the most mail and chat programs keep whole./);
});

test('a CSV edited in a spreadsheet merges through the preview; a broken one names row and column', async () => {
  const page = await app.open();
  const csv = await download(page, () => page.getByRole('button', { name: 'Export CSV' }).click());
  const lines = csv.text.split('\r\n');
  const demos = lines.findIndex((l) => l.startsWith('kr-demos,'));
  const cells = lines[demos].split(',');
  cells[7] = '40'; // target
  lines[demos] = cells.join(',');
  lines.splice(demos + 1, 0, ',o-emea,key result,Sign 3 Baltic dealers,,,0,3,,dealers,1,');
  await openFile(page, 'edited.csv', lines.join('\r\n'));
  const preview = page.getByRole('dialog', { name: 'Merge edited.csv' });
  assert.match(await preview.innerText(), /1 new, 1 changed; \d+ the same\./);
  await preview.getByRole('checkbox', { name: 'Take key result “Run 30 dealer demos · Win the first Nordic dealers” (target)' }).waitFor();
  await preview.getByRole('button', { name: 'Merge 2 changes' }).click();
  const saved = await savedPlan(page, (p) => p.objectives.find((o) => o.id === 'o-emea').key_results.length === 2);
  const emea = saved.objectives.find((o) => o.id === 'o-emea');
  assert.equal(emea.key_results[0].target, 40);
  assert.equal(emea.key_results[1].title, 'Sign 3 Baltic dealers');

  cells[7] = 'forty';
  lines[demos] = cells.join(',');
  await openFile(page, 'broken.csv', lines.join('\r\n'));
  const failure = page.getByRole('alertdialog', { name: 'Cannot open broken.csv' });
  assert.match(await failure.innerText(), new RegExp(`Row ${demos + 1}, column "target"`));
  assert.match(await failure.innerText(), /Nothing was changed\./);
});
