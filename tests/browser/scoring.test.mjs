// The scoring view as a team uses it during and at the end of a cycle.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, savedPlan, openFile, flatPlan } from './support.mjs';

let app;
before(async () => {
  app = await setup();
});
after(() => app.close());

const card = (page, title) => page.getByRole('article', { name: `Objective: ${title}` });
const scoreOf = async (scope, name) => (await scope.getByRole('row', { name }).locator('.score').getAttribute('aria-label'));

test('a check-in with confidence and comment shows in the history, the score and the chart', async () => {
  const page = await app.open({ hash: '#/scoring' });
  const loved = card(page, 'Become the most loved e-bike brand in Europe');
  assert.equal(await scoreOf(loved, /Raise NPS from 32 to 50/), 'score 0.5, 0.4–0.6 yellow');
  await loved.getByRole('button', { name: 'Check-ins of Raise NPS from 32 to 50' }).click();
  const form = loved.getByRole('form', { name: 'New check-in for Raise NPS from 32 to 50' });
  await form.getByRole('textbox', { name: 'Check-in date' }).fill('2026-11-20');
  await form.getByRole('spinbutton', { name: 'Check-in value' }).fill('50');
  await form.getByRole('combobox', { name: 'Confidence' }).selectOption('High');
  await form.getByRole('textbox', { name: 'Comment' }).fill('Survey closed');
  await form.getByRole('button', { name: 'Add check-in' }).click();
  const history = loved.getByRole('table', { name: 'Check-ins of Raise NPS from 32 to 50' });
  assert.deepEqual(await history.getByRole('row').nth(1).getByRole('cell').allInnerTexts(), ['20 Nov 2026', '50 NPS', 'High', 'Survey closed', 'Remove']);
  assert.equal(await scoreOf(loved, /Raise NPS from 32 to 50/), 'score 1.0, 0.7–1.0 green');
  assert.match(await loved.getByRole('img', { name: /Progress of Raise NPS/ }).getAttribute('aria-label'), /1\.0 on 20 Nov/);
  const plan = await savedPlan(page, (p) => p.objectives[0].key_results[0].check_ins.length === 4);
  assert.deepEqual(
    (({ date, value, confidence, comment }) => ({ date, value, confidence, comment }))(plan.objectives[0].key_results[0].check_ins[3]),
    { date: '2026-11-20', value: 50, confidence: 0.9, comment: 'Survey closed' },
  );
  // Leaving the view takes what had focus with it: focus is not moved into the next view.
  await page.getByRole('textbox', { name: 'New value for Raise NPS from 32 to 50' }).focus();
  await page.evaluate(() => { location.hash = '#/rollout'; });
  await page.getByRole('heading', { level: 1, name: 'Rollout' }).waitFor();
  await page.waitForTimeout(100);
  assert.equal(await page.evaluate(() => document.activeElement.tagName), 'BODY');
  await page.evaluate(() => { location.hash = '#/scoring'; });
  await loved.getByRole('button', { name: 'Check-ins of Raise NPS from 32 to 50' }).click();

  // Removing a check-in with the keyboard leaves focus on the next one's "Remove".
  const removes = history.getByRole('button', { name: /^Remove check-in of / });
  const second = await removes.nth(1).getAttribute('aria-label');
  await removes.first().focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction((name) => document.activeElement.getAttribute('aria-label') === name, second);
  assert.equal(await removes.count(), 3);
});

test('grading from the keyboard moves from one key result to the next', async () => {
  const page = await app.open({ hash: '#/scoring' });
  await page.getByRole('textbox', { name: 'New value for Raise NPS from 32 to 50' }).focus();
  await page.keyboard.type('45');
  await page.keyboard.press('Enter');
  await page.keyboard.type('25');
  await page.keyboard.press('Enter');
  const focused = () => page.evaluate(() => document.activeElement.getAttribute('aria-label'));
  assert.equal(await focused(), 'New value for Reach a 4.6 app store rating');
  await page.keyboard.press('Shift+Enter');
  assert.equal(await focused(), 'New value for Grow repeat purchases from 18% to 25%');
  const loved = card(page, 'Become the most loved e-bike brand in Europe');
  assert.equal(await scoreOf(loved, /Raise NPS/), 'score 0.7, 0.7–1.0 green'); // (45 − 32) / 18 = 0.72
  assert.equal(await scoreOf(loved, /Grow repeat purchases/), 'score 1.0, 0.7–1.0 green');
  await page.keyboard.type('200');
  await page.keyboard.press('Enter');
  await page.getByRole('status').filter({ hasText: 'A percentage is between 0 and 100.' }).waitFor();
});

test('committed below 1.0 asks for an explanation; aspirational is compared with 0.7', async () => {
  const page = await app.open({ hash: '#/scoring' });
  const profit = card(page, 'Make every bike we sell profitable');
  assert.match(await profit.innerText(), /⚑ Committed but below 1\.0: explain what got in the way\./);
  const why = profit.getByRole('textbox', { name: 'Explanation for Make every bike we sell profitable' });
  await why.fill('Supplier prices rose in October');
  await why.press('Enter');
  const plan = await savedPlan(page, (p) => p.objectives[1].review?.explanation);
  assert.equal(plan.objectives[1].review.explanation, 'Supplier prices rose in October');

  const loved = card(page, 'Become the most loved e-bike brand in Europe');
  assert.match(await loved.innerText(), /⚑ Below the 0\.6–0\.7 a stretch goal aims for\. \(about 0\.7 is expected; this is 0\.4\.\)/);
  assert.equal(await loved.getByRole('textbox', { name: /Explanation for/ }).count(), 0);

  const override = card(page, 'Make every bike we sell profitable');
  await override.getByRole('button', { name: 'Override score of Launch the refurbished bike line' }).click();
  const dialog = page.getByRole('dialog', { name: 'Override the score of “Launch the refurbished bike line”' });
  await dialog.getByRole('spinbutton', { name: 'Score' }).fill('0.9');
  await dialog.getByRole('button', { name: 'Set score' }).click();
  await page.getByRole('status').filter({ hasText: 'A score override needs a reason.' }).waitFor();
  await dialog.getByRole('textbox', { name: 'Reason' }).fill('Launched in 9 of 10 markets');
  await dialog.getByRole('button', { name: 'Set score' }).click();
  await dialog.waitFor({ state: 'detached' });
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), 'Override score of Launch the refurbished bike line', 'focus is back on the button that opened the dialog');
  assert.equal(await scoreOf(override, /Launch the refurbished bike line/), 'score 0.9, 0.7–1.0 green');
  assert.match(await override.getByRole('row', { name: /Launch the refurbished/ }).innerText(), /set by hand/);
});

test('filter by unit subtree and sort by score', async () => {
  const page = await app.open({ hash: '#/scoring' });
  await page.getByRole('combobox', { name: 'Show unit' }).selectOption({ label: 'Fernhill Cycles › Engineering' });
  const titles = await page.getByRole('article').locator('h3').allInnerTexts();
  assert.deepEqual(titles, ['Ship an app riders rave about', 'Keep the platform fast and available', 'Move monitoring to the new stack', 'Make the app start instantly']);
  await page.getByRole('combobox', { name: 'Sort' }).selectOption('Lowest score first');
  const scores = await page.locator('.score-head .score').evaluateAll((els) => els.map((e) => Number(e.textContent.replace(/[^\d.]/g, ''))));
  assert.deepEqual(scores, [...scores].sort((a, b) => a - b));
  await page.getByRole('combobox', { name: 'Sort' }).selectOption('Highest score first');
  const high = await page.locator('.score-head .score').evaluateAll((els) => els.map((e) => Number(e.textContent.replace(/[^\d.]/g, ''))));
  assert.deepEqual(high, [...high].sort((a, b) => b - a));
});

test('the end-of-cycle summary shows bands, hit rate, aspirational average and distribution', async () => {
  const page = await app.open({ hash: '#/scoring' });
  await page.getByRole('button', { name: 'End of cycle' }).click();
  const summary = page.getByRole('region', { name: 'Cycle summary' });
  const figures = await summary.locator('dl div').allInnerTexts();
  assert.deepEqual(figures.map((f) => f.replace(/\s+/g, ' ').trim()), [
    'Objectives 11',
    '■ 0.0–0.3 red 4',
    '▲ 0.4–0.6 yellow 6',
    '● 0.7–1.0 green 1',
    'Committed hit rate 0 of 7 met (0%)',
    'Aspirational average 0.36 against about 0.7: below the sweet spot',
  ]);
  assert.equal(
    await summary.getByRole('img').getAttribute('aria-label'),
    'Distribution of objective scores: 2 at 0.2, 2 at 0.3, 1 at 0.4, 1 at 0.5, 4 at 0.6, 1 at 0.7',
  );
  assert.deepEqual(await page.getByRole('list', { name: 'Review questions' }).getByRole('listitem').allInnerTexts(), [
    'How well did we do?', 'Were our goals aligned?', 'Did we capture the dependencies?', 'What changed mid-quarter, and why?',
  ]);
  const notes = page.getByRole('article', { name: 'Review of Open the Nordic market' });
  await notes.getByRole('textbox', { name: 'Lessons of Open the Nordic market' }).fill('Dealers want demo bikes first');
  await notes.getByRole('textbox', { name: 'Wins of Open the Nordic market' }).focus(); // leaving the field saves it
  const plan = await savedPlan(page, (p) => p.objectives.some((o) => o.review?.lessons));
  assert.equal(plan.objectives.find((o) => o.id === 'o-sales').review.lessons, 'Dealers want demo bikes first');
  // The summary follows the scores the view keeps current check-in by check-in.
  await page.getByRole('button', { name: 'Check-ins and grades' }).click();
  const nps = page.getByRole('textbox', { name: 'New value for Raise NPS from 32 to 50' });
  await nps.fill('50');
  await nps.press('Enter');
  await page.getByRole('button', { name: 'End of cycle' }).click();
  // "Become the most loved…" goes from (0.5 + 0.5 + 0.25) / 3 to (1.0 + 0.5 + 0.25) / 3: from 0.4 to 0.6.
  assert.equal(
    await summary.getByRole('img').getAttribute('aria-label'),
    'Distribution of objective scores: 2 at 0.2, 2 at 0.3, 1 at 0.5, 5 at 0.6, 1 at 0.7',
  );
  // And while it shows: undoing the check-in takes the summary back.
  await page.getByRole('button', { name: 'Undo' }).click();
  await summary.getByRole('img', { name: 'Distribution of objective scores: 2 at 0.2, 2 at 0.3, 1 at 0.4, 1 at 0.5, 4 at 0.6, 1 at 0.7' }).waitFor();
});

test('rollover starts the next cycle with the picked unfinished objectives, links kept, undoable', async () => {
  const page = await app.open({ hash: '#/scoring' });
  // Finished first: its only key result graded 1.0, it is not offered to carry.
  const alerts = card(page, 'Move monitoring to the new stack').getByRole('textbox', { name: 'New value for All alerts run on the new stack' });
  await alerts.fill('1');
  await alerts.press('Enter');
  assert.equal(await scoreOf(card(page, 'Move monitoring to the new stack'), /All alerts run on the new stack/), 'score 1.0, 0.7–1.0 green');
  await page.getByRole('button', { name: 'End of cycle' }).click();
  await page.getByRole('button', { name: 'Start the next cycle…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Start the cycle after Q4 2026' });
  assert.equal(await dialog.getByRole('textbox', { name: 'Next cycle name' }).inputValue(), 'Q1 2027');
  const carry = dialog.getByRole('list', { name: 'Objectives to carry over' });
  assert.equal(await carry.getByRole('checkbox', { name: 'Move monitoring to the new stack' }).count(), 0);
  // A key result that reached 1.0 starts unticked; the others of its objective ticked.
  assert.equal(await carry.getByRole('checkbox', { name: 'Publish structured interview kits for every role' }).isChecked(), false);
  assert.equal(await carry.getByRole('checkbox', { name: 'Raise offer acceptance from 70% to 85%' }).isChecked(), true);
  await carry.getByRole('checkbox', { name: 'Build a team people want to join' }).uncheck();
  await dialog.getByRole('button', { name: 'Start Q1 2027 and carry 9 objectives' }).click();
  await page.getByRole('status').filter({ hasText: 'Started Q1 2027 with 9 carried objectives. Undo reverts it all.' }).waitFor();
  assert.equal(await page.getByRole('combobox', { name: 'Cycle' }).locator('option:checked').innerText(), 'Q1 2027');
  const plan = await savedPlan(page, (p) => p.objectives.some((o) => o.cycle === 'q1-2027'));
  const carried = plan.objectives.filter((o) => o.cycle === 'q1-2027');
  assert.equal(carried.length, 9);
  assert.ok(!carried.some((o) => o.title === 'Build a team people want to join'));
  assert.ok(!carried.some((o) => o.title === 'Move monitoring to the new stack'));
  const loved = carried.find((o) => o.title === 'Become the most loved e-bike brand in Europe');
  const shipApp = carried.find((o) => o.title === 'Ship an app riders rave about');
  const rating = loved.key_results.find((k) => k.title === 'Reach a 4.6 app store rating');
  assert.deepEqual(shipApp.aligned_to, { key_result: rating.id }, 'the link follows the carried key result');
  assert.equal(rating.start, 4.3, 'carried key results start from their latest value');
  const people = carried.find((o) => o.title === 'Hire faster without lowering the bar');
  assert.equal(people.aligned_to, null, 'its parent stayed behind in Q4');
  assert.deepEqual(people.key_results.map((k) => k.title), ['Raise offer acceptance from 70% to 85%'], 'the finished key result stays behind');
  await page.getByRole('button', { name: 'Undo' }).click();
  await savedPlan(page, (p) => !p.objectives.some((o) => o.cycle === 'q1-2027'));
});

test('scores stay with their objectives when objectives change places while the view is open', async () => {
  const page = await app.open();
  await page.getByRole('list', { name: 'Organisation' }).getByRole('button', { name: 'Fernhill Cycles', exact: true }).click();
  await page.getByRole('group', { name: 'Objective: Become the most loved e-bike brand in Europe' })
    .getByRole('button', { name: 'Move objective down' }).click();
  await page.getByRole('link', { name: 'Scoring' }).click();
  await page.getByRole('heading', { level: 1, name: 'Scoring' }).waitFor();
  const titles = () => page.locator('article.score-card h3').allInnerTexts();
  assert.deepEqual((await titles()).slice(0, 2), ['Make every bike we sell profitable', 'Become the most loved e-bike brand in Europe']);
  const loved = card(page, 'Become the most loved e-bike brand in Europe');
  const profit = card(page, 'Make every bike we sell profitable');
  const margin = await scoreOf(profit, /Increase gross margin/);

  await page.getByRole('button', { name: 'Undo' }).click(); // the two swap back while the view is open
  assert.deepEqual((await titles()).slice(0, 2), ['Become the most loved e-bike brand in Europe', 'Make every bike we sell profitable']);
  assert.equal(await scoreOf(loved, /Raise NPS from 32 to 50/), 'score 0.5, 0.4–0.6 yellow');
  assert.equal(await scoreOf(profit, /Increase gross margin/), margin);
  await loved.getByRole('textbox', { name: 'New value for Raise NPS from 32 to 50' }).fill('50');
  await loved.getByRole('textbox', { name: 'New value for Raise NPS from 32 to 50' }).press('Enter');
  assert.equal(await scoreOf(loved, /Raise NPS from 32 to 50/), 'score 1.0, 0.7–1.0 green');
  assert.equal(await scoreOf(profit, /Increase gross margin/), margin);
});

test('with aligned objectives counted in, check-ins re-score the objectives they count into, and Undo takes them back', async () => {
  const page = await app.open({ hash: '#/scoring' });
  await page.getByRole('checkbox', { name: "Count aligned objectives into their parent's score" }).check();
  // Keep the platform fast counts into Ship an app, which counts into the app store rating of the most loved brand.
  const platform = card(page, 'Keep the platform fast and available');
  const app_ = card(page, 'Ship an app riders rave about');
  const loved = card(page, 'Become the most loved e-bike brand in Europe');
  const objectiveScore = (c) => c.locator('header .score').getAttribute('aria-label');
  const scores = async () => [await objectiveScore(platform), await objectiveScore(app_), await scoreOf(loved, /Reach a 4.6 app store rating/)];
  const before = await scores();
  // Both of the platform's key results back to where they started: 0.0 each.
  const uptime = platform.getByRole('textbox', { name: 'New value for Raise uptime from 99.5% to 99.95%' });
  await uptime.fill('99.5');
  await uptime.press('Enter');
  await page.keyboard.type('30');
  await page.keyboard.press('Enter');
  // (0 + 0 + 0.5) / 3; (0.7 + 0.42 + 0.17) / 3; (0.25 + 0.43) / 2.
  const after = ['score 0.2, 0.0–0.3 red', 'score 0.4, 0.4–0.6 yellow', 'score 0.3, 0.0–0.3 red'];
  assert.notDeepEqual(after, before);
  await page.waitForFunction((want) => want === document.querySelector('[aria-label="Objective: Ship an app riders rave about"] header .score').getAttribute('aria-label'), after[1]);
  assert.deepEqual(await scores(), after);
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.waitForFunction((want) => want === document.querySelector('[aria-label="Objective: Ship an app riders rave about"] header .score').getAttribute('aria-label'), before[1]);
  assert.deepEqual(await scores(), before);
});

test('a unit filter whose unit is not in the plan any more shows the whole organisation', async () => {
  const page = await app.open({ hash: '#/scoring' });
  await page.getByRole('combobox', { name: 'Show unit' }).selectOption({ label: 'Fernhill Cycles › Engineering' });
  await card(page, 'Make the app start instantly').waitFor();
  await page.getByRole('link', { name: 'Cascade' }).click();
  await openFile(page, 'flat.okrplan.json', JSON.stringify(flatPlan(3)));
  await page.getByRole('dialog').getByRole('button', { name: 'Replace current plan' }).click();
  await page.getByRole('link', { name: 'Scoring' }).click();
  await card(page, 'Imported objective 3').waitFor();
  assert.equal(await page.getByRole('article').count(), 3);
  // The headline scores the whole organisation too.
  await page.getByText('Team, all objectives:').waitFor();
});
