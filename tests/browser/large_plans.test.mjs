// A large organisation, as its OKR champion meets it: opening the file shows
// progress, unit lists stay short until needed, and moving a unit updates them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { inflateRawSync } from 'node:zlib';
import { setup, openFile, planName, rename, download, flatPlan } from './support.mjs';
import { generatePlan } from '../../scripts/benchmark/generate.mjs';

let app;
before(async () => {
  app = await setup();
});
after(() => app.close());

// Remembers every progress message shown, however briefly.
const WATCH_PROGRESS = () => {
  window.__progress = [];
  new MutationObserver(() => {
    const busy = document.querySelector('.busy');
    if (busy && !window.__progress.includes(busy.textContent)) window.__progress.push(busy.textContent);
  }).observe(document, { childList: true, subtree: true, characterData: true });
};

const HOSTILE = 'Ops "A&B" <i>';

test('a large organisation: progress while opening, unit lists filled when needed, a move updates them', async () => {
  const plan = generatePlan(1500);
  assert.ok(plan.units.length > 200, 'more units than the filter lists up front');
  plan.units[20].name = HOSTILE;
  const page = await app.open({ init: WATCH_PROGRESS });
  assert.equal(await page.locator('#loading').count(), 0, 'the loading line is gone once the app shows');

  await openFile(page, 'big.okrplan.json', JSON.stringify(plan));
  const dialog = page.getByRole('dialog', { name: 'Open big.okrplan.json' });
  // What the file holds, counted as people read counts.
  const keyResults = plan.objectives.reduce((n, o) => n + o.key_results.length, 0);
  assert.ok((await dialog.textContent()).includes(`(${plan.units.length} units, ${plan.objectives.length.toLocaleString('en')} objectives, ${keyResults.toLocaleString('en')} key results)`));
  await dialog.getByRole('button', { name: 'Replace current plan' }).click();
  await page.getByRole('button', { name: 'Expand Department 2' }).waitFor();
  // Its 1,500 objectives are read 500 a task, each step shown.
  const progress = (await page.evaluate(() => window.__progress)).filter((m) => m.startsWith('Opening'));
  const size = (Buffer.byteLength(JSON.stringify(plan)) / 1e6).toFixed(1);
  const opening = `Opening big.okrplan.json (${size} MB)…`;
  assert.deepEqual(progress, [opening, ...['0%', '33%', '66%', '100%'].map((p) => `${opening} ${p}`)]);
  assert.equal(await page.locator('.busy').textContent(), '', 'the progress message goes when the file is read');

  // Exporting stamps every item with its fingerprint first, a slice of
  // objectives per task (three here), which takes a moment: a message says so.
  const exported = await download(page, () => page.getByRole('button', { name: 'Export', exact: true }).click());
  const file = JSON.parse(exported.text);
  assert.equal(file.objectives.length, plan.objectives.length);
  const { cycles, units, rollout: { phases, participation, roles } } = plan;
  const items = 2 + cycles.length + phases.length + units.length + plan.objectives.length + keyResults + participation.length + roles.length;
  assert.equal(Object.keys(file.synced).length, items, 'a stamp for every item');
  assert.ok(Object.keys(file.synced).includes(`key_result:${plan.objectives.at(-1).key_results.at(-1).id}`));
  await page.getByRole('status').filter({ hasText: 'Exported the plan.' }).waitFor();
  assert.ok((await page.evaluate(() => window.__progress)).includes('Exporting the plan…'));
  assert.equal(await page.locator('.busy').textContent(), '', 'the message goes with the export');

  // Merging that file back with its last 30 objectives retitled: comparing shows
  // progress, and what is exchanged is recorded a slice of objectives per
  // task, to the last: the last objective is now exchanged in its new version.
  const last = `objective:${plan.objectives.at(-1).id}`;
  const first = `objective:${plan.objectives[0].id}`;
  const theirs = structuredClone(file);
  for (const objective of theirs.objectives.slice(-30)) objective.title += ' (merged)';
  await openFile(page, 'big.okrplan.json', JSON.stringify(theirs));
  await page.getByRole('dialog', { name: 'Open big.okrplan.json' }).getByRole('button', { name: 'Merge into current plan…' }).click();
  const merge = page.getByRole('dialog', { name: 'Merge big.okrplan.json' });
  // Counts read as people read them: "5,998 the same".
  await merge.getByText(/^30 changed; \d{1,3}(,\d{3})+ the same\.$/).waitFor();
  // The file's 1,500 objectives, then the plan's (for those the file
  // lacks), 500 a task, each task's start shown: the sixth task's is
  // replaced by the preview in that task.
  const comparing = 'Comparing big.okrplan.json with the plan…';
  const compared = (await page.evaluate(() => window.__progress)).filter((m) => m.startsWith('Comparing'));
  assert.deepEqual(compared, [comparing, ...['0%', '16%', '33%', '50%', '66%'].map((p) => `${comparing} ${p}`)]);
  // A list longer than the dialog scrolls under its buttons, which stay in view.
  const button = merge.getByRole('button', { name: 'Merge 30 changes' });
  const [inView, frame] = [await button.boundingBox(), await merge.boundingBox()];
  assert.ok(inView.y + inView.height <= frame.y + frame.height, JSON.stringify({ inView, frame }));
  await button.click();
  await page.getByRole('status').filter({ hasText: 'Merged 30 changes from big.okrplan.json.' }).waitFor();
  const again = JSON.parse((await download(page, () => page.getByRole('button', { name: 'Export', exact: true }).click())).text);
  assert.equal(again.objectives.at(-1).title, theirs.objectives.at(-1).title);
  assert.equal(Object.keys(again.synced).length, items);
  assert.notEqual(again.synced[last], file.synced[last], 'the merged objective is exchanged in its new version');
  assert.equal(again.synced[first], file.synced[first]);

  // Drawing every objective would take seconds: "Expand all" waits for a narrower view.
  const expandAll = page.getByRole('button', { name: 'Expand all' });
  assert.equal(await expandAll.count(), 0);
  const [, shown] = (await page.locator('.cascade .hint').first().innerText()).match(/^(\d,\d{3}) objectives here: open units one by one, or pick one under “Unit” above\.$/);
  assert.ok(Number(shown.replace(',', '')) > 1000, shown);

  // The unit filter lists every unit only while it has focus.
  const filter = page.getByRole('combobox', { name: 'Show unit' });
  assert.equal(await filter.locator('option').count(), 1, 'only "Whole organisation" before use');
  await filter.focus();
  assert.equal(await filter.locator('option').count(), plan.units.length + 1);
  await filter.selectOption({ label: 'Company › Department 3' });
  await page.getByRole('button', { name: 'Department 3', exact: true }).focus();
  assert.deepEqual(await filter.locator('option').allTextContents(), ['Whole organisation', 'Company › Department 3']);
  assert.equal(await filter.inputValue(), 'u-3');
  await page.getByRole('button', { name: 'Department 2', exact: true }).waitFor({ state: 'detached' });
  // It opens the units shown, not the whole organisation.
  await expandAll.click();
  await filter.focus();
  await filter.selectOption({ label: 'Whole organisation' });
  await page.getByRole('button', { name: 'Collapse Department 3' }).waitFor();
  await page.getByRole('button', { name: 'Expand Department 2' }).waitFor();

  // Unit pickers suggest the units matching what was typed, a few at a time, names as written.
  await page.getByRole('button', { name: 'Department 2', exact: true }).click();
  const panel = page.getByRole('complementary', { name: 'Unit: Department 2' });
  const moveTo = panel.getByRole('combobox', { name: 'Move to' });
  const suggestions = () => page.locator('#unit-choices option').evaluateAll((options) => options.map((o) => o.value));
  await moveTo.fill('');
  assert.equal((await suggestions()).length, 50);
  await moveTo.pressSequentially('A&B');
  const hostile = await suggestions();
  assert.equal(hostile.length, 1);
  assert.ok(hostile[0].endsWith(` › ${HOSTILE}`), hostile[0]);

  await moveTo.fill('Company › Department 4');
  await moveTo.press('Enter');
  await panel.locator('.path').filter({ hasText: 'Company › Department 4 › Department 2' }).waitFor();
  assert.deepEqual(await suggestions(), [], 'a choice made closes the suggestions until the next keystroke');
  await moveTo.fill('');
  await moveTo.pressSequentially('Department 4 › Department 2');
  const moved = await suggestions();
  assert.ok(moved.length > 0 && moved.every((p) => p.includes('Company › Department 4 › Department 2')), JSON.stringify(moved));
  await filter.focus();
  assert.deepEqual(await suggestions(), [], 'no suggestions while no unit picker is in use');
  const paths = await filter.locator('option').allTextContents();
  assert.ok(paths.includes('Company › Department 4 › Department 2'));
  assert.ok(!paths.includes('Company › Department 2'));

  // While the filter is not in use, the unit it shows keeps its own option, which follows a move.
  await filter.selectOption({ label: 'Company › Department 4 › Department 2' });
  await moveTo.fill('Company › Department 3');
  await moveTo.press('Enter');
  await panel.locator('.path').filter({ hasText: 'Company › Department 3 › Department 2' }).waitFor();
  assert.deepEqual(await filter.locator('option').allTextContents(), ['Whole organisation', 'Company › Department 3 › Department 2']);
  assert.equal(await filter.inputValue(), 'u-2');
  await filter.focus();
  await filter.selectOption({ label: 'Whole organisation' });

  // One letter finds more than a thousand objectives: they are drawn a page at a time too.
  const find = page.getByRole('searchbox', { name: 'Find objectives' });
  await find.fill('e');
  const [, foundCount] = (await page.locator('.cascade-main [role=status]').innerText()).match(/^(\d,\d{3}) objectives found$/);
  const found = page.locator('[aria-label="Found objectives"] > li');
  await found.nth(49).waitFor(); // drawn ten at a time
  assert.equal(await found.count(), 50);
  const moreFound = page.locator('.cascade-main p.more');
  assert.equal(await moreFound.innerText(), `Showing 50 of ${foundCount} objectives. Show 50 more`);
  await moreFound.getByRole('button', { name: 'Show 50 more' }).click();
  await moreFound.filter({ hasText: /^Showing 100 of / }).waitFor();
  await found.nth(99).waitFor();
  assert.equal(await found.count(), 100);
  await find.fill('');

  // The scoring view draws a page of objectives at a time.
  await page.getByRole('link', { name: 'Scoring' }).click();
  await page.getByRole('heading', { level: 1, name: 'Scoring' }).waitFor();
  const more = page.locator('p.more');
  assert.match(await more.innerText(), /^Showing 50 of \d,\d{3} objectives\. Show 50 more$/);
  const cards = page.locator('article.score-card');
  await cards.nth(49).waitFor();
  assert.equal(await cards.count(), 50);
  const fields = page.locator('input.grade-input');
  const firstPage = await fields.count();
  // A screenful of cards (four) at once, ten more after each paint: what the page holds after each change to it.
  // The number of cards after each change to the page, until there are `last` (or 5 s passed).
  const cardCounts = (change, last) => page.evaluate(([change, last]) => new Promise((resolve) => {
    const seen = [];
    const observer = new MutationObserver(() => {
      const count = document.querySelectorAll('article.score-card').length;
      if (seen.at(-1) !== count) seen.push(count);
      if (count === last) {
        observer.disconnect();
        resolve(seen);
      }
    });
    observer.observe(document.querySelector('section.scoring'), { childList: true, subtree: true });
    setTimeout(() => resolve(seen), 5000);
    new Function(change)();
  }), [change, last]);
  const showMore = `[...document.querySelectorAll('p.more button')].find((b) => b.textContent === 'Show 50 more').click()`;
  assert.deepEqual(await cardCounts(showMore, 100), [54, 64, 74, 84, 94, 100]);
  await more.filter({ hasText: /^Showing 100 of / }).waitFor();
  assert.ok((await fields.count()) > firstPage, 'more key results to check in');
  // Another order starts again from the first four.
  const sortLowest = `const s = document.querySelector('select[aria-label=Sort]'); s.value = 'lowest'; s.dispatchEvent(new Event('change'));`;
  assert.deepEqual(await cardCounts(sortLowest, 50), [4, 14, 24, 34, 44, 50]);
  await page.getByRole('combobox', { name: 'Sort' }).selectOption({ label: 'As planned' });
  await more.getByRole('button', { name: 'Show 50 more' }).click();
  await cards.nth(99).waitFor();

  // The end of the cycle: review notes for the same page of objectives, and
  // the objectives to carry over a page at a time, with all or none at once.
  await page.getByRole('button', { name: 'End of cycle' }).click();
  const reviews = page.getByRole('article', { name: /^Review of / });
  await reviews.nth(99).waitFor();
  assert.equal(await reviews.count(), 100);
  await page.getByRole('button', { name: 'Start the next cycle…' }).click();
  const rollover = page.getByRole('dialog', { name: /^Start the cycle after / });
  const carried = rollover.getByRole('list', { name: 'Objectives to carry over' }).locator('> li');
  await carried.first().waitFor();
  assert.equal(await carried.count(), 50);
  const start = rollover.getByRole('button', { name: /^Start .* and carry / });
  const [, unfinished] = (await start.innerText()).match(/ and carry (\d,\d{3}) objectives$/);
  assert.equal(await rollover.locator('p.more').innerText(), `Showing 50 of ${unfinished} objectives. Show 50 more`);
  await rollover.getByRole('button', { name: 'Carry none' }).click();
  await start.filter({ hasText: / and carry 0 objectives$/ }).waitFor();
  await rollover.getByRole('button', { name: 'Show 50 more' }).click();
  // "Carry none" leaves key results as they were: ticking the objective again carries them.
  const keyResultsTicked = await carried.nth(99).locator('ul input:checked').count();
  assert.ok(keyResultsTicked > 0);
  await carried.nth(99).getByRole('checkbox').first().check();
  await start.filter({ hasText: / and carry 1 objective$/ }).waitFor();
  const carriedTitle = (await carried.nth(99).locator('label').first().innerText()).trim();
  // Every label the button shows, however briefly: it says what is under way before the work.
  await start.evaluate((button) => {
    window.__labels = [];
    new MutationObserver(() => window.__labels.push(button.textContent))
      .observe(button, { childList: true, subtree: true, characterData: true });
  });
  const [, nextCycle] = (await start.innerText()).match(/^Start (.*) and carry /);
  await start.click();
  await rollover.waitFor({ state: 'detached' });
  assert.ok((await page.evaluate(() => window.__labels)).includes(`Starting ${nextCycle}…`));
  await page.getByRole('status').filter({ hasText: `Started ${nextCycle} with 1 carried objective. Undo reverts it all.` }).waitFor();
  // The new cycle is shown, holding the one objective carried, with its key results.
  await page.getByRole('article', { name: `Review of ${carriedTitle}` }).waitFor();
  assert.equal(await reviews.count(), 1);
  await page.getByRole('button', { name: 'Check-ins and grades' }).click();
  const carriedCard = page.getByRole('article', { name: `Objective: ${carriedTitle}` });
  await carriedCard.waitFor();
  assert.equal(await carriedCard.locator('tbody.kr-row').count(), keyResultsTicked);
});

// What the page saved, read here with Node's zlib: plain JSON, or "deflate:" and base64url of raw deflate.
async function storedPlan(page) {
  const raw = await page.evaluate(() => localStorage.getItem('okrplan.plan'));
  const packed = raw.startsWith('deflate:');
  const json = packed ? inflateRawSync(Buffer.from(raw.slice('deflate:'.length), 'base64url')).toString() : raw;
  return { packed, plan: JSON.parse(json) };
}

test('a small plan opens with every unit open: its objective cards come a few per paint, in page order', async () => {
  // 60 units: few enough that all open, 300 objectives' cards to draw.
  const plan = generatePlan(300);
  const page = await app.open();
  await openFile(page, 'small.okrplan.json', JSON.stringify(plan));
  await page.getByRole('dialog', { name: 'Open small.okrplan.json' }).waitFor();
  // The cards on the page once the task that draws the new plan is over: a
  // message sent in it arrives before the next turn's (which waits for a
  // frame, then sends one).
  const [named, first, later] = await page.evaluate(async () => {
    const cards = () => [...document.querySelectorAll('.outline li.objective .title')].map((t) => t.textContent);
    const nextTask = () => new Promise((r) => { const c = new MessageChannel(); c.port1.onmessage = r; c.port2.postMessage(0); });
    [...document.querySelectorAll('[role=dialog] button')].find((b) => b.textContent === 'Replace current plan').click();
    await nextTask();
    const named = document.querySelector('input[aria-label="Plan name"]').value;
    const first = cards();
    // Two paints later, more.
    for (let paint = 0; paint < 2; paint++) await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
    return [named, first, cards()];
  });
  assert.equal(named, plan.meta.name, 'the plan is drawn in the task of the click');
  // Company's row counts the objectives of the whole outline.
  const counted = await page.locator('.unit-row', { has: page.getByRole('button', { name: 'Company', exact: true }) }).locator('.count').textContent();
  const total = Number(counted.match(/([\d,]+) including units below/)[1].replace(/,/g, ''));
  assert.ok(total > 200, `most of the plan's objectives are in the cycle shown (${counted})`);
  assert.ok(first.length > 0 && first.length <= 24, `a few cards first, not all ${total} (${first.length})`);
  await page.waitForFunction((total) => document.querySelectorAll('.outline li.objective').length === total, total);
  const all = await page.locator('.outline li.objective .title').allTextContents();
  assert.deepEqual(all.slice(0, first.length), first, 'the first cards drawn are the first on the page');
  assert.ok(later.length > first.length && later.length < total, `more after two paints (${later.length})`);
  assert.deepEqual(all.slice(0, later.length), later, 'and the next ones follow them down the page');
  assert.equal(await page.getByRole('button', { name: 'Collapse Department 12' }).count(), 1, 'every unit open');
  // Once all are drawn the page waits for nothing: no frame is asked for.
  const framesAsked = await page.evaluate(async () => {
    let asked = 0;
    const ask = window.requestAnimationFrame;
    window.requestAnimationFrame = (callback) => { asked += 1; return ask.call(window, callback); };
    await new Promise((r) => setTimeout(r, 300));
    return asked;
  });
  assert.equal(framesAsked, 0, 'an idle page asks for no frames');
});

test('a file opened while a large one is read takes its place; a byte-order mark is no problem', async () => {
  const page = await app.open({
    init: () => {
      // Every dialog that opens, however briefly.
      window.__dialogs = [];
      new MutationObserver(() => {
        for (const dialog of document.querySelectorAll('[role=dialog] h2')) {
          if (!window.__dialogs.includes(dialog.textContent)) window.__dialogs.push(dialog.textContent);
        }
      }).observe(document, { childList: true, subtree: true });
    },
  });
  // The page runs at a quarter of its speed while the large file is read:
  // reading it (a tenth of a second or two) must outlast the steps that
  // open the second file, on a fast machine too.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await openFile(page, 'big.okrplan.json', JSON.stringify(generatePlan(10000)));
  // Once its objectives are being read, a few at a time, another file is opened.
  await page.waitForFunction(() => / \d+%$/.test(document.querySelector('.busy')?.textContent ?? ''));
  const small = { ...flatPlan(2), meta: { name: 'Smäll plan – “quoted”' } };
  await openFile(page, 'small.okrplan.json', `\uFEFF${JSON.stringify(small)}`);
  const dialog = page.getByRole('dialog', { name: 'Open small.okrplan.json' });
  await dialog.waitFor();
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  assert.match(await dialog.textContent(), /“Smäll plan – “quoted””/);
  // The large file's reading stopped: its dialog never comes.
  await page.waitForTimeout(1500);
  assert.deepEqual(await page.evaluate(() => window.__dialogs), ['Open small.okrplan.json']);
  assert.equal(await page.locator('.busy').textContent(), '');
  await dialog.getByRole('button', { name: 'Replace current plan' }).click();
  assert.equal(await planName(page).inputValue(), 'Smäll plan – “quoted”');
});

test('a large plan is saved deflated, keeps the last of quick edits, and opens again after a reload', async () => {
  const page = await app.open();
  await openFile(page, 'big.okrplan.json', JSON.stringify(generatePlan(1500)));
  await page.getByRole('dialog', { name: 'Open big.okrplan.json' }).getByRole('button', { name: 'Replace current plan' }).click();
  await page.getByRole('button', { name: 'Expand Department 2' }).waitFor();
  // Two names in quick succession: the second may arrive while the first is being deflated.
  await rename(page, 'Packed once');
  await page.waitForFunction(() => localStorage.getItem('okrplan.plan')?.startsWith('deflate:'));
  await rename(page, 'Packed twice');
  let stored;
  for (let tries = 0; tries < 100; tries++) {
    stored = await storedPlan(page);
    if (stored.plan.meta.name === 'Packed twice') break;
    await page.waitForTimeout(100);
  }
  assert.ok(stored.packed, 'a plan over 1 MB is stored deflated');
  assert.equal(stored.plan.meta.name, 'Packed twice');
  assert.equal(stored.plan.objectives.length, 1500);

  await page.reload();
  await page.getByRole('button', { name: 'Expand Department 2' }).waitFor();
  assert.equal(await planName(page).inputValue(), 'Packed twice');
});
