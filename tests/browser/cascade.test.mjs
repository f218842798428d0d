// The cascade editor as a planner uses it, with the mouse and the keyboard.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, savedPlan, openFile, download, flatPlan } from './support.mjs';

let app;
before(async () => {
  app = await setup();
});
after(() => app.close());

const unitButton = (page, name) => page.getByRole('list', { name: 'Organisation' }).getByRole('button', { name, exact: true });
const unitRow = (page, name) => page.locator('.unit-row', { has: page.getByRole('button', { name, exact: true }) });
const panel = (page, name) => page.getByRole('complementary', { name: `Unit: ${name}` });
const objective = (scope, title) => scope.getByRole('group', { name: `Objective: ${title}` });
const keyResult = (scope, title) => scope.getByRole('group', { name: `Key result: ${title}` });
/** Opens a view and waits until it is drawn: views share field names ("Cycle", "Show unit"). */
async function showView(page, name) {
  await page.getByRole('link', { name }).click();
  await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
}
const unitOf = (plan, name) => plan.units.find((u) => u.name === name);
const parentName = (plan, name) => plan.units.find((u) => u.id === unitOf(plan, name).parent)?.name;

async function setText(field, text) {
  await field.fill(text);
  await field.press('Enter');
}

test('units: add, rename, move by menu and by drag and drop, delete with confirmation and undo', async () => {
  const page = await app.open();
  await unitButton(page, 'Sales').click();
  await panel(page, 'Sales').getByRole('button', { name: 'Add unit below' }).click();
  await setText(panel(page, 'New unit').getByRole('textbox', { name: 'Unit name' }), 'Nordics');
  let plan = await savedPlan(page, (p) => p.units.some((u) => u.name === 'Nordics'));
  assert.equal(parentName(plan, 'Nordics'), 'Sales');
  assert.equal(unitOf(plan, 'Nordics').kind, 'team');

  const nordics = panel(page, 'Nordics');
  const moveTo = nordics.getByRole('combobox', { name: 'Move to' });
  await setText(moveTo, 'Fernhill Cycles › Marketing');
  assert.equal(await nordics.locator('.path').innerText(), 'Fernhill Cycles › Marketing › Nordics');
  await setText(moveTo, 'Nordics');
  await page.getByRole('status').filter({ hasText: '"Nordics" cannot move into itself or a unit below it.' }).waitFor();
  assert.equal(await moveTo.inputValue(), '', 'a refused move leaves the field empty');
  await setText(moveTo, 'Nowhere');
  await page.getByRole('status').filter({ hasText: 'No unit is called “Nowhere”.' }).waitFor();

  await unitRow(page, 'Data team').dragTo(unitRow(page, 'Mobile app team'));
  plan = await savedPlan(page, (p) => p.units.find((u) => u.name === 'Data team').parent === 'u-mobile');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Mobile app team', 'focus is on the unit dropped onto');
  assert.equal(parentName(plan, 'Nordics'), 'Marketing');
  const beforeDelete = plan;

  await unitButton(page, 'Engineering').click();
  await panel(page, 'Engineering').getByRole('button', { name: 'Delete unit…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete Engineering?' });
  assert.match(await dialog.innerText(), /This also deletes 6 units below it, 4 objectives with 7 key results\./);
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await unitButton(page, 'Engineering').waitFor({ state: 'detached' });
  // The panel and the button that opened the dialog go with the unit: its parent takes the selection and focus.
  await panel(page, 'Fernhill Cycles').waitFor();
  await page.waitForFunction(() => document.activeElement !== document.body);
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Fernhill Cycles', 'focus is on the parent in the outline');
  assert.equal(await unitButton(page, 'Fernhill Cycles').getAttribute('aria-pressed'), 'true');
  plan = await savedPlan(page, (p) => !p.units.some((u) => u.name === 'Engineering'));
  assert.equal(plan.units.length, 15 - 7);
  await page.getByRole('button', { name: 'Undo' }).click();
  await unitButton(page, 'Engineering').waitFor();
  // Each objective back where it was, with the links into it that went.
  plan = await savedPlan(page, (p) => p.units.length === 15);
  assert.deepEqual(plan.objectives, beforeDelete.objectives);

  // Deleted while "Find" hides the outline: no row takes focus from the search box once the outline is back.
  await unitButton(page, 'Brand team').click();
  const find = page.getByRole('searchbox', { name: 'Find objectives' });
  await find.fill('bike');
  await panel(page, 'Brand team').getByRole('button', { name: 'Delete unit…' }).click();
  await page.getByRole('dialog', { name: 'Delete Brand team?' }).getByRole('button', { name: 'Delete' }).click();
  await panel(page, 'Marketing').waitFor();
  await find.fill('');
  await unitButton(page, 'Marketing').waitFor();
  await page.waitForTimeout(100);
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), 'Find objectives');
});

test('a deletion takes the plan as it is when confirmed, though it changed while the dialog was open', async () => {
  const page = await app.open();
  await unitButton(page, 'Brand team').click();
  const brand = panel(page, 'Brand team');
  await brand.getByRole('button', { name: 'Add objective' }).click();
  const withNew = await savedPlan(page, (p) => p.objectives.some((o) => o.title === 'New objective'));
  await brand.getByRole('button', { name: 'Delete unit…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete Brand team?' });
  const counted = (await dialog.innerText()).match(/(\d+) objectives? with/)[1];
  // Ctrl+Z outside a text field undoes, dialog or not: the new objective goes.
  await page.keyboard.press('Control+z');
  await page.getByRole('status').filter({ hasText: /^Undid/ }).waitFor();
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await unitButton(page, 'Brand team').waitFor({ state: 'detached' });

  const units = new Set(['u-brand']);
  for (let grew = true; grew; ) {
    grew = false;
    for (const u of withNew.units) if (units.has(u.parent) && !units.has(u.id)) grew = units.add(u.id);
  }
  const gone = withNew.objectives.filter((o) => units.has(o.unit));
  assert.equal(gone.length, Number(counted), 'the dialog counted the new objective');
  const goneIds = new Set(gone.flatMap((o) => [o.id, ...o.key_results.map((k) => k.id)]));
  const expected = withNew.objectives
    .filter((o) => !units.has(o.unit))
    .map((o) => (o.aligned_to && goneIds.has(Object.values(o.aligned_to)[0]) ? { ...o, aligned_to: null } : o));
  const plan = await savedPlan(page, (p) => !p.units.some((u) => u.name === 'Brand team'));
  assert.deepEqual(plan.objectives, expected);
});

test('the keyboard alone can select, rename, and undo and redo', async () => {
  const page = await app.open();
  await unitButton(page, 'People & culture').focus();
  await page.keyboard.press('Enter');
  const field = panel(page, 'People & culture').getByRole('textbox', { name: 'Unit name' });
  await field.focus();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('People');
  await page.keyboard.press('Tab'); // leaving the field commits the name
  await unitButton(page, 'People').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Kind', 'focus moved on to the next field');
  await page.locator('main').click();
  await page.keyboard.press('Control+z');
  await unitButton(page, 'People & culture').waitFor();
  await page.keyboard.press('Control+Shift+z');
  await unitButton(page, 'People').waitFor();
  await page.getByRole('button', { name: 'Undo' }).click();
  await unitButton(page, 'People & culture').waitFor();
  await page.getByRole('button', { name: 'Redo' }).click();
  await unitButton(page, 'People').waitFor();
});

test('objectives and key results: add, edit, reorder and delete in place', async () => {
  const page = await app.open();
  await unitButton(page, 'Customer success').click();
  const cs = panel(page, 'Customer success');
  const resolve = objective(cs, 'Resolve issues on first contact');
  await setText(resolve.getByRole('textbox', { name: 'Objective title' }), 'Fix it the first time');
  const fix = objective(cs, 'Fix it the first time');
  await fix.getByRole('combobox', { name: 'Commitment' }).selectOption('Aspirational');
  await fix.getByRole('button', { name: 'Add key result' }).click();
  const kr = keyResult(fix, 'New key result');
  await setText(kr.getByRole('textbox', { name: 'Key result title' }), 'Self-service answers for 40% of tickets');
  const selfService = keyResult(fix, 'Self-service answers for 40% of tickets');
  await selfService.getByRole('combobox', { name: 'Measure' }).selectOption('Percentage');
  await setText(selfService.getByRole('spinbutton', { name: 'Start' }), '10');
  await setText(selfService.getByRole('spinbutton', { name: 'Target' }), '40');
  await setText(selfService.getByRole('textbox', { name: 'Unit of measure' }), '%');
  await setText(selfService.getByRole('spinbutton', { name: 'Weight' }), '2');
  await selfService.getByRole('button', { name: 'Move key result up' }).click();

  let plan = await savedPlan(page, (p) => p.objectives.find((o) => o.id === 'o-cs').key_results.length === 3 && p.objectives.find((o) => o.id === 'o-cs').key_results[1].weight === 2);
  let o = plan.objectives.find((x) => x.id === 'o-cs');
  assert.equal(o.title, 'Fix it the first time');
  assert.equal(o.commitment, 'aspirational');
  assert.deepEqual(o.key_results.map((k) => k.title), [
    'First-contact resolution from 55% to 75%',
    'Self-service answers for 40% of tickets',
    'Cut median response time from 9 to 2 hours',
  ]);
  assert.deepEqual(
    [o.key_results[1].measure, o.key_results[1].start, o.key_results[1].target, o.key_results[1].unit_of_measure],
    ['percentage', 10, 40, '%'],
  );

  // An empty title is refused, and the field shows the title again.
  const title = fix.getByRole('textbox', { name: 'Objective title' });
  await setText(title, '');
  await page.getByRole('status').filter({ hasText: 'An objective needs a title.' }).waitFor();
  assert.equal(await title.inputValue(), 'Fix it the first time');

  // Deleting the last key result with the keyboard leaves focus on what follows it.
  await keyResult(fix, 'Cut median response time from 9 to 2 hours').getByRole('button', { name: 'Delete key result' }).focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement !== document.body);
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Add key result');
  await cs.getByRole('button', { name: 'Add objective' }).click();
  const added = objective(cs, 'New objective');
  await added.getByRole('button', { name: 'Move objective up' }).click();
  plan = await savedPlan(page, (p) => p.objectives.filter((x) => x.unit === 'u-cs').length === 2 && p.objectives.findIndex((x) => x.unit === 'u-cs' && x.title === 'New objective') < p.objectives.findIndex((x) => x.id === 'o-cs'));
  assert.equal(plan.objectives.find((x) => x.id === 'o-cs').key_results.length, 2);
  await added.getByRole('button', { name: 'Delete objective' }).click();
  await added.waitFor({ state: 'detached' });
});

test('cascading a key result and aligning to an objective show both ways; loops are not offered', async () => {
  const page = await app.open();
  await unitButton(page, 'Fernhill Cycles').click();
  const company = panel(page, 'Fernhill Cycles');
  const launch = keyResult(objective(company, 'Make every bike we sell profitable'), 'Launch the refurbished bike line');
  await setText(launch.getByRole('combobox', { name: 'Cascade to' }), 'Marketing'); // a unique name is enough
  const profitable = objective(company, 'Make every bike we sell profitable');
  assert.deepEqual(await profitable.getByRole('list', { name: 'Supported by' }).getByRole('listitem').allInnerTexts(), [
    'Open the Nordic market (Sales)',
    'Launch the refurbished bike line (Marketing)',
  ]);
  const marketing = page.getByRole('list', { name: 'Objectives of Marketing' });
  // Its text, not what is on screen: cards out of sight are not laid out.
  assert.match(await marketing.textContent(), /Launch the refurbished bike line[\s\S]*supports Launch the refurbished bike line/);

  await unitButton(page, 'Brand team').click();
  const brand = panel(page, 'Brand team');
  await brand.getByRole('button', { name: 'Add objective' }).click();
  await objective(brand, 'New objective').getByRole('button', { name: 'Align to…' }).click();
  let picker = page.getByRole('dialog', { name: 'Align “New objective” to…' });
  await picker.getByRole('searchbox', { name: 'Search objectives and key results' }).fill('refurbished');
  const targets = picker.getByRole('list', { name: 'Alignment targets' }).getByRole('button');
  assert.equal(await targets.count(), 2, 'the company KR and the Marketing objective');
  await targets.filter({ hasText: 'Objective of Marketing' }).click();
  assert.match(await objective(brand, 'New objective').innerText(), /Supports: Launch the refurbished bike line/);

  await unitButton(page, 'Fernhill Cycles').click();
  await objective(company, 'Become the most loved e-bike brand in Europe').getByRole('button', { name: 'Align to…' }).click();
  picker = page.getByRole('dialog', { name: 'Align “Become the most loved e-bike brand in Europe” to…' });
  const search = picker.getByRole('searchbox', { name: 'Search objectives and key results' });
  await search.fill('riders rave');
  assert.equal(await picker.getByRole('list', { name: 'Alignment targets' }).getByRole('button').count(), 0, 'it supports this objective: a loop');
  await search.fill('profitable');
  assert.equal(await picker.getByRole('list', { name: 'Alignment targets' }).getByRole('button').count(), 4, 'the objective and its three key results');
  await page.keyboard.press('Escape');
  await picker.waitFor({ state: 'detached' });
});

test('a key result and an objective just added can be linked, and the link shows both ways until undone', async () => {
  const page = await app.open();
  await unitButton(page, 'Fernhill Cycles').click();
  const company = panel(page, 'Fernhill Cycles');
  const profitable = objective(company, 'Make every bike we sell profitable');
  await profitable.getByRole('button', { name: 'Add key result' }).click();
  await setText(keyResult(profitable, 'New key result').getByRole('textbox', { name: 'Key result title' }), 'Refurbish 500 bikes');
  const supportedBy = profitable.getByRole('list', { name: 'Supported by' }).getByRole('listitem');
  const before = await supportedBy.allInnerTexts();

  await unitButton(page, 'Brand team').click();
  const brand = panel(page, 'Brand team');
  await brand.getByRole('button', { name: 'Add objective' }).click();
  await objective(brand, 'New objective').getByRole('button', { name: 'Align to…' }).click();
  const picker = page.getByRole('dialog', { name: 'Align “New objective” to…' });
  await picker.getByRole('searchbox', { name: 'Search objectives and key results' }).fill('Refurbish 500');
  await picker.getByRole('list', { name: 'Alignment targets' }).getByRole('button').click();
  assert.match(await objective(brand, 'New objective').innerText(), /Supports: Refurbish 500 bikes/);

  await unitButton(page, 'Fernhill Cycles').click();
  assert.deepEqual(await supportedBy.allInnerTexts(), [...before, 'New objective (Brand team)']);
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByRole('status').filter({ hasText: /^Undid/ }).waitFor();
  assert.deepEqual(await supportedBy.allInnerTexts(), before);
});

test('deleting or moving an objective keeps every other link as it was, and undo brings it back', async () => {
  const page = await app.open();
  await unitButton(page, 'Sales').click();
  const nordic = objective(panel(page, 'Sales'), 'Open the Nordic market');
  const nordicBefore = await nordic.innerText();
  await unitButton(page, 'Fernhill Cycles').click();
  const company = panel(page, 'Fernhill Cycles');
  const titles = ['Become the most loved e-bike brand in Europe', 'Make every bike we sell profitable', 'Build a team people want to join'];
  const texts = () => Promise.all(titles.map((title) => objective(company, title).innerText()));
  const before = await texts();
  assert.match(before[1], /Supported by[\s\S]*Open the Nordic market \(Sales\)/);

  // The plan's first objective: every other one moves up a place.
  const loved = objective(company, titles[0]);
  await loved.getByRole('button', { name: 'Delete objective' }).click();
  await loved.waitFor({ state: 'detached' });
  assert.deepEqual((await Promise.all(titles.slice(1).map((title) => objective(company, title).innerText()))), before.slice(1));
  await objective(company, titles[2]).getByRole('button', { name: 'Move objective up' }).click();
  await page.waitForFunction(() => document.querySelector('aside.panel [role=group][aria-label^="Objective:"]').getAttribute('aria-label') === 'Objective: Build a team people want to join');
  assert.deepEqual((await Promise.all(titles.slice(1).map((title) => objective(company, title).innerText()))), before.slice(1));
  await unitButton(page, 'Sales').click();
  assert.equal(await nordic.innerText(), nordicBefore);

  await unitButton(page, 'Fernhill Cycles').click();
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByRole('button', { name: 'Undo' }).click();
  await loved.waitFor();
  assert.deepEqual(await texts(), before);
  await unitButton(page, 'Sales').click();
  assert.equal(await nordic.innerText(), nordicBefore);
});

test('the outline collapses, the map draws the links and downloads as SVG', async () => {
  const page = await app.open();
  const objectivesOfEngineering = page.getByRole('list', { name: 'Objectives of Engineering' });
  await objectivesOfEngineering.waitFor();
  await page.getByRole('button', { name: 'Collapse Engineering' }).click();
  await objectivesOfEngineering.waitFor({ state: 'detached' });
  assert.equal(await page.getByRole('button', { name: 'Mobile app team', exact: true }).count(), 0);
  await page.getByRole('button', { name: 'Expand Engineering' }).click();
  await objectivesOfEngineering.waitFor();
  // Collapse all and Expand all reach units at every depth.
  await page.getByRole('button', { name: 'Collapse all' }).click();
  await objectivesOfEngineering.waitFor({ state: 'detached' });
  await page.getByRole('button', { name: 'Expand all' }).click();
  await page.getByRole('list', { name: 'Objectives of Mobile app team' }).waitFor();

  await page.getByRole('button', { name: 'Alignment map' }).click();
  const map = page.getByRole('img', { name: 'Alignment map: 11 objectives, 8 links' });
  await map.waitFor();
  const box = await map.boundingBox();
  assert.ok(box.width <= 1280, `fits the screen width (${box.width}px)`);
  const svg = await download(page, () => page.getByRole('button', { name: 'Download SVG' }).click());
  assert.equal(svg.name, 'alignment-map.svg');
  assert.match(svg.text, /^<\?xml[^]*<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  assert.match(svg.text, /Ship an app riders rave about/);
  assert.equal((svg.text.match(/<path d="M[\d.]+,[\d.]+ C/g) ?? []).length, 8);
});

test('an imported plan with cycles of its own shows its current cycle', async () => {
  const page = await app.open();
  const exported = JSON.parse((await download(page, () => page.getByRole('button', { name: 'Export', exact: true }).click())).text);
  for (const o of exported.objectives) o.cycle = o.cycle === 'q4-2026' ? 'fy-q4' : o.cycle;
  exported.cycles = exported.cycles.map((c) => (c.id === 'q4-2026' ? { ...c, id: 'fy-q4', name: 'FY26 Q4' } : c));
  await openFile(page, 'renamed-cycles.okrplan.json', JSON.stringify(exported));
  await page.getByRole('dialog').getByRole('button', { name: 'Replace current plan' }).click();
  assert.equal(await page.getByRole('combobox', { name: 'Cycle' }).inputValue(), 'fy-q4');
  assert.match(await page.getByRole('list', { name: 'Objectives of Fernhill Cycles' }).innerText(), /Become the most loved/);
});

test('filters by cycle, unit subtree and text, with counts per unit', async () => {
  const page = await app.open();
  assert.match(await unitRow(page, 'Sales').innerText(), /1 objective · 2 including units below/);
  await page.getByRole('combobox', { name: 'Show unit' }).selectOption({ label: 'Fernhill Cycles › Sales' });
  await unitButton(page, 'Fernhill Cycles').waitFor({ state: 'detached' });
  assert.deepEqual(await page.getByRole('list', { name: 'Organisation' }).locator('.unit-name').allInnerTexts(), ['Sales', 'EMEA sales']);

  // Case and surrounding spaces do not matter.
  await page.getByRole('searchbox', { name: 'Find objectives' }).fill(' DEALER ');
  await page.getByRole('status').filter({ hasText: '2 objectives found' }).waitFor();
  await page.getByRole('searchbox', { name: 'Find objectives' }).fill('');

  await page.getByRole('combobox', { name: 'Show unit' }).selectOption({ label: 'Whole organisation' });
  await page.getByRole('combobox', { name: 'Cycle' }).selectOption({ label: 'Q3 2026' });
  const company = page.getByRole('list', { name: 'Objectives of Fernhill Cycles' });
  assert.deepEqual(await company.locator('.title').allInnerTexts(), ['Fewer bikes back in the workshop']);
});

test('quality warnings appear where they apply, each with its reason', async () => {
  const page = await app.open();
  const exported = JSON.parse((await download(page, () => page.getByRole('button', { name: 'Export', exact: true }).click())).text);
  const find = (id) => exported.objectives.find((o) => o.id === id);
  find('o-cs').aligned_to = { objective: 'o-q3-quality' }; // a link into another cycle
  find('o-people').aligned_to = null; // aligned to nothing
  find('o-people').key_results[1].target = find('o-people').key_results[1].start; // nothing to measure
  exported.objectives = exported.objectives.filter((o) => o.id !== 'o-mobile'); // active team without OKRs
  for (let i = 0; i < 4; i++) {
    exported.objectives.push({ ...find('o-sales'), id: `o-extra-${i}`, title: `Extra ${i}`, aligned_to: null, key_results: [] });
  }
  await openFile(page, 'warnings.okrplan.json', JSON.stringify(exported));
  await page.getByRole('dialog').getByRole('button', { name: 'Replace current plan' }).click();

  // Its text, not what is on screen: cards out of sight are not laid out.
  const text = await page.getByRole('list', { name: 'Organisation' }).textContent();
  for (const why of [
    'Linked into another cycle (Q3 2026): alignment normally stays within one cycle.',
    'Aligned to nothing: link it to the objective or key result it supports.',
    'No measurable target: the target equals the start value.',
    'Active in rollout phase “Leadership” but has no OKRs in Q4 2026.',
    '5 objectives',
  ]) {
    assert.ok(text.includes(why), `shows: ${why}`);
  }
  assert.ok(!text.includes('6 objectives: more than 5'), 'five objectives are still fine');

  // The link into another cycle goes with the link, and comes back with Undo.
  const linkWarning = () => page.getByRole('list', { name: 'Organisation' }).getByText('Linked into another cycle (Q3 2026)', { exact: false }).count();
  await unitButton(page, 'Customer success').click();
  await objective(panel(page, 'Customer success'), 'Resolve issues on first contact').getByRole('button', { name: 'Remove link' }).click();
  await page.waitForFunction(() => !document.querySelector('[aria-label="Organisation"]').innerText.includes('Linked into another cycle'));
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.waitForFunction(() => document.querySelector('[aria-label="Organisation"]').innerText.includes('Linked into another cycle'));
  assert.equal(await linkWarning(), 1);

  await unitButton(page, 'Sales').click();
  await panel(page, 'Sales').getByRole('button', { name: 'Add objective' }).click();
  await page.getByText('6 objectives: more than 5 means nothing is a priority.').waitFor();

  // At the top level nothing is above Sales to align to: its objectives' warnings go, and come back.
  const salesObjectives = page.getByRole('list', { name: 'Objectives of Sales' });
  const unaligned = () => salesObjectives.getByText('Aligned to nothing', { exact: false }).count();
  assert.equal(await unaligned(), 5, 'four extra objectives and the new one');
  await panel(page, 'Sales').getByRole('button', { name: 'Move to top level' }).click();
  await page.waitForFunction(() => !document.querySelector('[aria-label="Objectives of Sales"]')?.innerText.includes('Aligned to nothing'));
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.waitForFunction(() => document.querySelector('[aria-label="Objectives of Sales"]')?.innerText.includes('Aligned to nothing'));
  assert.equal(await unaligned(), 5);
});

test('a unit with many objectives draws them a page at a time, and an added one at once', async () => {
  const page = await app.open();
  await openFile(page, 'flat.okrplan.json', JSON.stringify(flatPlan(1200)));
  await page.getByRole('dialog').getByRole('button', { name: 'Replace current plan' }).click();
  const cards = page.locator('[aria-label="Objectives of Team"] > li');
  await cards.first().waitFor();
  assert.equal(await cards.count(), 50);
  // A card out of sight is not laid out until it is scrolled to, and then is.
  const title = (n) => cards.nth(n - 1).getByText(`Imported objective ${n}`, { exact: true });
  const laidOut = (text) => text.evaluate(async (element) => {
    for (let frame = 0; frame < 30 && !element.checkVisibility({ contentVisibilityAuto: true }); frame++) {
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    return element.checkVisibility({ contentVisibilityAuto: true });
  });
  assert.equal(await laidOut(title(1)), true);
  assert.equal(await title(50).evaluate((e) => e.checkVisibility({ contentVisibilityAuto: true })), false);
  await cards.nth(49).scrollIntoViewIfNeeded();
  assert.equal(await laidOut(title(50)), true);
  assert.equal(await title(50).isVisible(), true);
  const more = page.locator('p.more');
  assert.equal(await more.innerText(), 'Showing 50 of 1,200 objectives. Show 50 more');
  await more.getByRole('button', { name: 'Show 50 more objectives of Team', exact: true }).click();
  await more.filter({ hasText: 'Showing 100 of 1,200 objectives. Show 50 more' }).waitFor();
  assert.equal(await cards.count(), 100);
  // Opening every unit would draw one page here, not 1,200 cards: "Expand all" is offered.
  await page.getByRole('button', { name: 'Expand all' }).waitFor();

  // The unit's panel draws a page of editors too; an added objective is drawn after them, and only it.
  await page.getByRole('button', { name: 'Team', exact: true }).click();
  const panel = page.getByRole('complementary', { name: 'Unit: Team' });
  const titles = panel.getByRole('textbox', { name: 'Objective title' });
  assert.equal(await titles.count(), 50);
  assert.equal(await panel.locator('p.more').innerText(), 'Showing 50 of 1,200 objectives. Show 50 more');
  await panel.getByRole('button', { name: 'Add objective' }).click();
  await titles.nth(50).waitFor();
  assert.equal(await titles.count(), 51);
  assert.equal(await titles.last().inputValue(), 'New objective');
  assert.equal(await panel.locator('p.more').innerText(), 'Showing 51 of 1,201 objectives. Show 50 more');
  await more.filter({ hasText: 'Showing 100 of 1,201 objectives. Show 50 more' }).waitFor();
});

test('a wide organisation draws its units a page at a time, opens only those, and draws an added one at once', async () => {
  const page = await app.open();
  const units = [{ id: 'u-co', name: 'Company', kind: 'company' }];
  for (let i = 1; i <= 120; i++) units.push({ id: `u-${i}`, name: `Team ${i}`, kind: 'team', parent: 'u-co' });
  // Ten objectives each: 1,200 in all, 500 on the first page of teams.
  const flat = flatPlan(1200);
  const objectives = flat.objectives.map((o, i) => ({ ...o, unit: `u-${1 + Math.floor(i / 10)}` }));
  const wide = { ...flat, meta: { name: 'Wide' }, units, objectives };
  await openFile(page, 'wide.okrplan.json', JSON.stringify(wide));
  await page.getByRole('dialog').getByRole('button', { name: 'Replace current plan' }).click();
  const teams = page.getByRole('list', { name: 'Organisation' }).getByRole('button', { name: /^Team \d+$/ });
  const more = page.locator('p.more');
  await more.waitFor();
  assert.equal(await teams.count(), 50);
  assert.equal(await more.innerText(), 'Showing 50 of 120 units. Show 50 more');
  // Named for a screen reader among the outline's other lists.
  await more.getByRole('button', { name: 'Show 50 more units under Company', exact: true }).waitFor();

  // "Expand all" opens the units drawn; those drawn later come closed.
  await page.getByRole('button', { name: 'Expand all' }).click();
  await page.getByRole('list', { name: 'Objectives of Team 50' }).getByText('Imported objective 500').waitFor();
  await more.getByRole('button', { name: 'Show 50 more units' }).click();
  await more.filter({ hasText: 'Showing 100 of 120 units. Show 20 more' }).waitFor();
  assert.equal(await teams.count(), 100);
  assert.equal(await teams.last().innerText(), 'Team 100');
  await page.getByRole('button', { name: 'Expand Team 51', exact: true }).waitFor();
  assert.equal(await page.getByRole('list', { name: /^Objectives of Team (5[1-9]|[6-9]\d|100)$/ }).count(), 0);

  // A unit added under the company comes last, after units not drawn yet: it is drawn at once, selected.
  await unitButton(page, 'Company').click();
  await panel(page, 'Company').getByRole('button', { name: 'Add unit below' }).click();
  await unitButton(page, 'New unit').waitFor();
  await panel(page, 'New unit').waitFor();
  assert.equal(await more.innerText(), 'Showing 101 of 121 units. Show 20 more');

  // Moved under a team not drawn yet, it stays in sight: that team is drawn too, opened.
  const moveTo = panel(page, 'New unit').getByRole('combobox', { name: 'Move to' });
  await moveTo.fill('Company › Team 120');
  await moveTo.press('Enter');
  await panel(page, 'New unit').locator('.path').filter({ hasText: 'Company › Team 120 › New unit' }).waitFor();
  await page.getByRole('list', { name: 'Organisation' }).getByRole('button', { name: 'Collapse Team 120', exact: true }).waitFor();
  await unitButton(page, 'New unit').waitFor();
  assert.equal(await more.innerText(), 'Showing 101 of 120 units. Show 19 more');

  await more.getByRole('button', { name: 'Show 19 more units' }).click();
  await more.waitFor({ state: 'detached' });
  assert.equal(await teams.count(), 120);
  assert.equal(await unitButton(page, 'New unit').count(), 1, 'drawn once, not twice');
  assert.equal(await unitButton(page, 'Team 120').count(), 1, 'drawn once, not twice');

  // Every team drawn, opened, would draw 1,200 cards: "Expand all" gives way to a hint.
  await page.getByText('1,200 objectives here: open units one by one, or pick one under “Unit” above.').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Expand all' }).count(), 0);
});

test('coming back to a view finds it as it was left, and every view shows the cycle picked in one', async () => {
  const page = await app.open();
  await page.getByRole('button', { name: 'Collapse Engineering' }).click();
  await unitButton(page, 'Sales').click();
  await page.getByRole('searchbox', { name: 'Find objectives' }).fill('dealer');
  await page.getByRole('status').filter({ hasText: '2 objectives found' }).waitFor();
  await page.getByRole('searchbox', { name: 'Find objectives' }).fill('');

  await showView(page, 'Scoring');
  await page.getByRole('combobox', { name: 'Show unit' }).selectOption({ label: 'Fernhill Cycles › Engineering' });
  await page.getByRole('combobox', { name: 'Cycle' }).selectOption({ label: 'Q3 2026' });
  await page.getByRole('combobox', { name: 'Sort' }).selectOption('Lowest score first');

  await showView(page, 'Cascade');
  await panel(page, 'Sales').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Expand Engineering' }).count(), 1, 'Engineering stays closed');
  assert.equal(await page.getByRole('combobox', { name: 'Cycle' }).locator('option:checked').innerText(), 'Q3 2026');
  const company = page.getByRole('list', { name: 'Objectives of Fernhill Cycles' });
  assert.deepEqual(await company.locator('.title').allInnerTexts(), ['Fewer bikes back in the workshop']);
  await page.getByRole('searchbox', { name: 'Find objectives' }).fill('fewer');

  await showView(page, 'Scoring');
  assert.equal(await page.getByRole('combobox', { name: 'Show unit' }).locator('option:checked').innerText(), 'Fernhill Cycles › Engineering');
  assert.equal(await page.getByRole('combobox', { name: 'Sort' }).locator('option:checked').innerText(), 'Lowest score first');
  await showView(page, 'Cascade');
  assert.equal(await page.getByRole('searchbox', { name: 'Find objectives' }).inputValue(), 'fewer');
  await page.getByRole('status').filter({ hasText: '1 objective found' }).waitFor();
});

test("another plan opened starts without the old one's search and selection", async () => {
  const page = await app.open();
  const find = page.getByRole('searchbox', { name: 'Find objectives' });
  await unitButton(page, 'Sales').click();
  for (const count of [3, 4]) {
    await find.fill('dealer');
    await openFile(page, 'flat.okrplan.json', JSON.stringify(flatPlan(count)));
    await page.getByRole('dialog').getByRole('button', { name: 'Replace current plan' }).click();
    await page.getByRole('list', { name: 'Objectives of Team' }).getByText(`Imported objective ${count}`).waitFor();
    assert.equal(await find.inputValue(), '');
    await page.getByRole('complementary', { name: 'Unit editor' }).waitFor();
    // Each time another plan takes the place: the second time too.
    await unitButton(page, 'Team').click();
    await panel(page, 'Team').waitFor();
  }
});

test('a milestone key result is done or not: choosing it sets its start to 0 and its target to 1', async () => {
  const page = await app.open();
  await unitButton(page, 'Sales').click();
  const kr = keyResult(objective(panel(page, 'Sales'), 'Open the Nordic market'), 'Sign 12 dealers in the Nordics');
  const measure = kr.getByRole('combobox', { name: 'Measure' });
  assert.equal(await measure.locator('option', { hasText: 'Milestone' }).getAttribute('title'), 'Done (1.0) or not (0.0)');
  await measure.selectOption('Milestone');
  await page.waitForFunction(() => document.querySelector('[aria-label="Key result: Sign 12 dealers in the Nordics"] input[aria-label="Target"]').value === '1');
  assert.equal(await kr.getByRole('spinbutton', { name: 'Start' }).inputValue(), '0');
  assert.equal(await measure.inputValue(), 'milestone');
});
