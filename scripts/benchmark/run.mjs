// Measures okrplan in headless Chromium on generated plans and prints a
// markdown table. Medians of repeated runs. Not part of the test run.
//   node scripts/benchmark/run.mjs [sizes...]   (default: 100 1000 10000)
import { readdir, readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import os from 'node:os';
import { setup, distDir } from '../../tests/browser/support.mjs';
import { generatePlan } from './generate.mjs';

const sizes = process.argv.slice(2).map(Number).filter(Boolean);
const SIZES = sizes.length ? sizes : [100, 1000, 10000];
const RUNS = 5;
// Each edit runs once to warm up (the first also compiles its code; reported
// on its own), then EDITS_PER_RUN times for the median.
const EDITS_PER_RUN = 4;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => (x === undefined ? 'n/a' : x < 10 ? x.toFixed(1) : x.toFixed(0));

async function bundleSize() {
  let total = 0;
  const parts = [];
  // Recursive: the script's own modules (wasm-bindgen snippets) sit in a folder.
  for (const file of await readdir(distDir, { recursive: true })) {
    // public/ holds static files (icons; a copy of sw.js, which is counted at the top).
    if (!/\.(wasm|js|css)$/.test(file) || file.startsWith('public/')) continue;
    const gz = gzipSync(await readFile(join(distDir, file)), { level: 9 }).length;
    total += gz;
    parts.push(`${file.replace(/-[0-9a-f]{15,16}/g, '')} ${(gz / 1024).toFixed(1)} KB`);
  }
  return { total, parts };
}

// Records when the outline first appears, measured from navigation start.
const READY_PROBE = () => {
  const observer = new MutationObserver(() => {
    if (document.querySelector('[aria-label="Organisation"]')) {
      window.__readyAt = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true });
  addEventListener('TrunkApplicationStarted', (e) => (window.__wasm = e.detail.wasm));
  // Tasks over 50 ms: the times the page could not respond.
  window.__longTasks = [];
  window.__longTaskObserver = new PerformanceObserver((list) => window.__longTasks.push(...list.getEntries().map((e) => e.duration)));
  window.__longTaskObserver.observe({ type: 'longtask' });
};

/**
 * Runs `act` in the page and returns milliseconds: `ready` until `done()`
 * holds (the page shows the change; the browser paints it in the next
 * frame), `frame` until that frame has run too.
 */
async function timeInPage(page, act, done) {
  return page.evaluate(
    async ([actSource, doneSource]) => {
      const act = new Function(`return (${actSource})()`);
      const done = new Function(`return (${doneSource})()`);
      const t0 = performance.now();
      act();
      const sync = performance.now() - t0;
      // Checked as the page changes (a mutation observer's callback runs in
      // the microtasks right after the change), and every millisecond for
      // what changes without a mutation. Not in a loop of microtasks: that
      // held the page's next task back (a view opens in the task of the
      // hash change) by the 10,000 checks it made first, 15-25 ms.
      let ready;
      await new Promise((resolve, reject) => {
        const check = () => {
          if (done()) ready = performance.now() - t0;
          else if (performance.now() - t0 > 30000) reject(new Error(`not done after 30 s: ${doneSource}`));
          else return;
          observer.disconnect();
          clearInterval(timer);
          resolve();
        };
        const observer = new MutationObserver(check);
        observer.observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
        const timer = setInterval(check, 1);
        check();
      });
      await new Promise((r) => requestAnimationFrame(() => r()));
      return { sync, ready, frame: performance.now() - t0 };
    },
    [act.toString(), done.toString()],
  );
}

/**
 * Opens the scoring view and picks a key result scored on its own check-ins
 * (roll-up is on: others average in aligned objectives); returns a function
 * that checks in a value that changes its score and times it until the score
 * shows it.
 */
async function checkInTimer(page) {
  await page.getByRole('link', { name: 'Scoring' }).click();
  await page.locator('input.grade-input').first().waitFor();
  // Cards are drawn a screenful first, then ten a frame: wait until the page holds all of its first
  // page, as it does by the time a user has read it and starts typing.
  await page.evaluate(() => new Promise((resolve) => {
    let last = -1, unchanged = 0;
    const frame = () => {
      const cards = document.querySelectorAll('article.score-card').length;
      unchanged = cards === last ? unchanged + 1 : 0;
      last = cards;
      if (unchanged >= 5) resolve(); else requestAnimationFrame(frame);
    };
    frame();
  }));
  await page.evaluate(() => {
    const rows = [...document.querySelectorAll('tbody.kr-row')];
    const own = rows.find((row) => !row.querySelector('.basis')?.textContent.includes('aligned'));
    own.dataset.bench = 'check-in';
  });
  const scoreCell = 'tbody[data-bench] td:nth-of-type(2)';
  return async () => {
    // The value that changes the score: the target when it shows 0.0, the start otherwise.
    const atZero = await page.locator(scoreCell).evaluate((cell) => cell.textContent.includes('0.0'));
    const [value, score] = atZero ? ['1000', '1.0'] : ['-1000', '0.0'];
    // Typed into the field with focus, as a user does: Enter then moves focus on, which is part of the time.
    await page.locator('tbody[data-bench] input.grade-input').focus();
    return (await timeInPage(page,
      new Function(`const i = document.querySelector('tbody[data-bench] input.grade-input'); i.value = '${value}'; i.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));`),
      new Function(`return document.querySelector('${scoreCell}').textContent.includes('${score}');`))).ready;
  };
}

async function measure(app, size) {
  const text = JSON.stringify(generatePlan(size));
  const row = { size, mb: text.length / 1e6 };
  const parse = [], imports = [], importBlocks = [], loads = [], titles = [], moves = [], expands = [], selects = [], checkIns = [], saves = [], saveBlocks = [], heaps = [];
  const firstTitles = [], firstSelects = [], firstMoves = [], firstCheckIns = [], returnCheckIns = [];
  const participations = [], firstParticipations = [];
  const addedKeyResults = [], firstAddedKeyResults = [];
  const deletes = [], firstDeletes = [], undoneDeletes = [], firstUndoneDeletes = [];
  const exports = [], exportBlocks = [];
  const previews = [], previewBlocks = [], merges = [], mergeBlocks = [];
  const views = { scoring: [], scoringPainted: [], rollout: [], rolloutPainted: [], cascade: [], cascadePainted: [] };
  // A view opened from the navigation, until `shown()` holds and until the frame after.
  const openView = async (page, name, key, shown) => {
    const { ready, frame } = await timeInPage(page,
      new Function(`[...document.querySelectorAll('nav a')].find((a) => a.textContent.trim() === '${name}').click();`),
      shown);
    views[key].push(ready);
    views[`${key}Painted`].push(frame);
  };
  // Round 0 of each edit is its first on this page; the others are timed for the median.
  const record = (round, first, steady, time) => (round === 0 ? first : steady).push(time);
  for (let run = 0; run < RUNS; run++) {
    const page = await app.open({ init: READY_PROBE });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    parse.push(await page.evaluate((t) => { const t0 = performance.now(); JSON.parse(t); return performance.now() - t0; }, text));

    // Import by dropping the file, up to the confirmation; then replace and
    // draw; with the longest task meanwhile. The file is made first: its
    // text's copy into the page is not the app's.
    await page.evaluate((contents) => { window.__benchFile = new File([contents], 'bench.okrplan.json', { type: 'application/json' }); }, text);
    const imported = await page.evaluate(async () => {
      const wait = async (test) => { while (!test()) await new Promise((r) => setTimeout(r, 1)); };
      window.__longTaskObserver.takeRecords();
      window.__longTasks = [];
      const data = new DataTransfer();
      data.items.add(window.__benchFile);
      const t0 = performance.now();
      document.querySelector('main').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
      await wait(() => document.querySelector('[role=dialog]'));
      const checked = performance.now() - t0;
      const replace = [...document.querySelectorAll('[role=dialog] button')].find((b) => b.textContent === 'Replace current plan');
      const t1 = performance.now();
      replace.click();
      await wait(() => document.querySelector('input[aria-label="Plan name"]').value.startsWith('Benchmark'));
      await new Promise((r) => requestAnimationFrame(() => r()));
      const drawn = performance.now() - t1;
      // The last task's entry comes after it: wait for it.
      await new Promise((r) => setTimeout(r, 50));
      const longest = Math.max(0, ...window.__longTasks, ...window.__longTaskObserver.takeRecords().map((e) => e.duration));
      return { checked, drawn, longest };
    });
    importBlocks.push(imported.longest);
    imports.push(imported.checked + imported.drawn);

    // Autosave after an edit: the indicator reports the save's duration; long
    // tasks meanwhile are how long the page could not respond.
    const saveDone = (before) => page.waitForFunction((before) => {
      if (document.querySelector('.saved')?.textContent === 'Not saved') return 'over quota';
      return localStorage.getItem('okrplan.stamp') !== before && new Promise((r) => requestAnimationFrame(r))
        .then(() => document.querySelector('.saved').title.match(/in (\d+) ms/)?.[1]);
    }, before, { timeout: 60000 }).then((handle) => handle.jsonValue());
    await saveDone(null);
    const before = await page.evaluate(() => localStorage.getItem('okrplan.stamp'));
    await page.getByRole('textbox', { name: 'Plan name' }).fill(`Benchmark plan, run ${run}`);
    await page.getByRole('textbox', { name: 'Plan name' }).press('Enter');
    // The rename's own redraw is not the save's: count from the next frame on.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r))).then(() => {
      window.__longTaskObserver.takeRecords();
      window.__longTasks = [];
    }));
    const saveResult = await saveDone(before);
    saves.push(saveResult === 'over quota' ? NaN : Number(saveResult));
    // Entries not yet delivered to the observer include the save's last task.
    saveBlocks.push(await page.evaluate(() => Math.max(0, ...window.__longTasks,
      ...window.__longTaskObserver.takeRecords().map((e) => e.duration))));

    // Export: from the click until the file's text is handed to the
    // download (its blob made), and the longest task meanwhile.
    const exported = await page.evaluate(async () => {
      const make = URL.createObjectURL;
      let madeAt;
      URL.createObjectURL = (blob) => { madeAt = performance.now(); window.__exported = blob; return make(blob); };
      window.__longTaskObserver.takeRecords();
      window.__longTasks = [];
      const t0 = performance.now();
      [...document.querySelectorAll('header button')].find((b) => b.textContent.trim() === 'Export').click();
      while (madeAt === undefined) await new Promise((r) => setTimeout(r, 1));
      URL.createObjectURL = make;
      await new Promise((r) => setTimeout(r, 100));
      const longest = Math.max(0, ...window.__longTasks, ...window.__longTaskObserver.takeRecords().map((e) => e.duration));
      return { time: madeAt - t0, longest };
    });
    exports.push(exported.time);
    exportBlocks.push(exported.longest);

    // Edits in the cascade: expand a department, retitle an objective, change a KR target, move a unit.
    await page.getByRole('button', { name: 'Collapse all' }).click();
    await page.getByRole('button', { name: 'Expand Company' }).click();
    expands.push((await timeInPage(page,
      () => document.querySelector('button[aria-label="Expand Department 2"]').click(),
      () => document.querySelector('[aria-label="Objectives of Department 2"]'))).ready);
    // Units selected in the outline, until the unit panel names the unit;
    // Department 2 last, the unit the edits below are made in.
    for (let round = 0; round <= EDITS_PER_RUN; round++) {
      const unit = (EDITS_PER_RUN - round) % 2 ? 'Department 3' : 'Department 2';
      record(round, firstSelects, selects, (await timeInPage(page,
        new Function(`[...document.querySelectorAll('.outline button.unit-name')].find((b) => b.textContent === '${unit}').click();`),
        new Function(`return document.querySelector('.panel h2')?.textContent === '${unit}';`))).ready);
    }
    for (let round = 0; round <= EDITS_PER_RUN; round++) {
      const stamp = `Retitled ${run}.${round}`;
      record(round, firstTitles, titles, (await timeInPage(page,
        new Function(`const i = document.querySelector('[aria-label="Objective title"]'); i.value = ${JSON.stringify(stamp)}; i.dispatchEvent(new Event('change', { bubbles: true }));`),
        new Function(`return [...document.querySelectorAll('[aria-label="Objectives of Department 2"] .title')].some((t) => t.textContent === ${JSON.stringify(stamp)});`))).ready);
      const parent = `Department ${3 + (round % 2)}`;
      // Typed into the field, so it has focus, as it does for a user.
      await page.getByRole('combobox', { name: 'Move to' }).focus();
      record(round, firstMoves, moves, (await timeInPage(page,
        new Function(`const field = document.querySelector('input[aria-label="Move to"]'); field.value = 'Company › ${parent}'; field.dispatchEvent(new Event('change', { bubbles: true }));`),
        new Function(`return document.querySelector('.panel .path')?.textContent.startsWith('Company › ${parent} › Department 2');`))).ready);
    }

    // A key result added to the first objective in the unit's panel, until
    // the panel shows it: an edit of the plan's layout.
    for (let round = 0; round <= EDITS_PER_RUN; round++) {
      record(round, firstAddedKeyResults, addedKeyResults, (await timeInPage(page,
        () => {
          const objective = document.querySelector('aside.panel [role=group][aria-label^="Objective:"]');
          window.__keyResults = objective.querySelectorAll('[role=group][aria-label^="Key result:"]').length;
          [...objective.querySelectorAll('button')].find((b) => b.textContent === 'Add key result').click();
        },
        () => document.querySelector('aside.panel [role=group][aria-label^="Objective:"]')
          .querySelectorAll('[role=group][aria-label^="Key result:"]').length > window.__keyResults)).ready);
    }

    // Department 2 deleted with all below it (the dialog confirmed), until
    // its parent's panel (the department it was moved to) shows; then
    // undone, until its row is back.
    for (let round = 0; round <= EDITS_PER_RUN; round++) {
      await page.getByRole('button', { name: 'Delete unit…' }).click();
      const goes = await page.getByRole('dialog').textContent();
      row.deleted = Number(goes.match(/([\d,]+) objectives/)[1].replace(/,/g, ''));
      record(round, firstDeletes, deletes, (await timeInPage(page,
        () => {
          window.__parent = document.querySelector('.panel .path').textContent.split(' › ').at(-2);
          [...document.querySelectorAll('[role=dialog] button')].find((b) => b.textContent === 'Delete').click();
        },
        () => document.querySelector('.panel h2')?.textContent === window.__parent)).ready);
      record(round, firstUndoneDeletes, undoneDeletes, (await timeInPage(page,
        () => [...document.querySelectorAll('header button')].find((b) => b.textContent.trim() === 'Undo').click(),
        () => [...document.querySelectorAll('.outline button.unit-name')].some((b) => b.textContent === 'Department 2'))).ready);
      await page.getByRole('button', { name: 'Department 2', exact: true }).click();
    }

    // The scoring view opened from the cascade, until its first card's
    // fields show (a screenful of cards first, then ten a frame).
    await openView(page, 'Scoring', 'scoring', () => document.querySelector('input.grade-input'));
    // A key result's new value in the scoring view, until its score shows it.
    const checkIn = await checkInTimer(page);
    for (let round = 0; round <= EDITS_PER_RUN; round++) record(round, firstCheckIns, checkIns, await checkIn());
    await page.getByRole('link', { name: 'Cascade' }).click();

    const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
    const wasmBytes = await page.evaluate(() => window.__wasm?.memory?.buffer.byteLength ?? 0);
    heaps.push((metrics.JSHeapUsedSize + wasmBytes) / 1e6);

    // A department's participation in the rollout view, until the phase list,
    // the timeline's bars and the adoption chart's line of active units show it.
    // After the heap is read: the rollout view's memory would not be in earlier tables.
    const shownSource = (() => [
      document.querySelector('[aria-label="Phases"]').textContent,
      [...document.querySelectorAll('#rollout-timeline g.phase title')].map((t) => t.textContent).join(),
      document.querySelector('#rollout-adoption path[stroke-dasharray="none"]').getAttribute('d'),
    ]).toString();
    // The rollout view opened from the cascade, until its timeline shows
    // the phases (what the first screen holds; the rest follows a paint later).
    await openView(page, 'Rollout', 'rollout', () => document.querySelector('#rollout-timeline g.phase'));
    const status = page.getByRole('combobox', { name: 'Participation of Department 1', exact: true });
    await status.waitFor();
    for (let round = 0; round <= EDITS_PER_RUN; round++) {
      const other = (await status.inputValue()) === 'View-only' ? 'Active' : 'View-only';
      record(round, firstParticipations, participations, (await timeInPage(page,
        new Function(`window.__shown = (${shownSource})(); const s = document.querySelector('select[aria-label="Participation of Department 1"]'); s.value = '${other}'; s.dispatchEvent(new Event('change', { bubbles: true }));`),
        new Function(`return (${shownSource})().every((text, i) => text !== window.__shown[i]);`))).ready);
    }
    // Back to the cascade, until its outline shows.
    await openView(page, 'Cascade', 'cascade', () => document.querySelector('.outline button.unit-name'));

    // Merge, once the heap is read (undo keeps the plan from before it):
    // the file exported above with 10 objectives retitled, dropped on the
    // page: from "Merge into current plan…" until the preview shows, and
    // from its Merge (the objectives changed in the file alone, taken by
    // default) until the dialog closes, each with its longest task; then
    // the save that follows.
    const beforeMerge = await page.evaluate(() => localStorage.getItem('okrplan.stamp'));
    const merged = await page.evaluate(async () => {
      const wait = async (test) => { while (!test()) await new Promise((r) => setTimeout(r, 1)); };
      const button = (named) => [...document.querySelectorAll('[role=dialog] button')].find((b) => named(b.textContent));
      const timed = async (click, done) => {
        await new Promise((r) => setTimeout(r, 100));
        window.__longTaskObserver.takeRecords();
        window.__longTasks = [];
        const t0 = performance.now();
        click.click();
        await wait(done);
        const time = performance.now() - t0;
        await new Promise((r) => setTimeout(r, 100));
        return { time, longest: Math.max(0, ...window.__longTasks, ...window.__longTaskObserver.takeRecords().map((e) => e.duration)) };
      };
      const theirs = JSON.parse(await window.__exported.text());
      const apart = Math.floor(theirs.objectives.length / 10);
      for (let i = 0; i < 10; i++) theirs.objectives[i * apart].title += ' (merged)';
      const data = new DataTransfer();
      data.items.add(new File([JSON.stringify(theirs)], 'bench.okrplan.json', { type: 'application/json' }));
      document.querySelector('main').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
      await wait(() => button((t) => t === 'Merge into current plan…'));
      const preview = await timed(button((t) => t === 'Merge into current plan…'), () => button((t) => t === 'Accept all'));
      const merge = await timed(button((t) => /^Merge [1-9]\d* changes?$/.test(t)), () => !document.querySelector('[role=dialog]'));
      return { preview, merge };
    });
    previews.push(merged.preview.time);
    previewBlocks.push(merged.preview.longest);
    merges.push(merged.merge.time);
    mergeBlocks.push(merged.merge.longest);
    await saveDone(beforeMerge);

    // Load from storage, when the plan fits the browser's quota.
    if (!Number.isNaN(saves.at(-1))) {
      // Let the last edits' save finish: a save still waiting would run as the page unloads, inside the load's time.
      await page.waitForTimeout(2000);
      await page.reload();
      await page.waitForFunction(() => window.__readyAt);
      loads.push(await page.evaluate(() => window.__readyAt));
      // Chrome keeps the code it optimised for the app: on a return visit
      // even the first check-in runs optimised code.
      await page.waitForTimeout(1000);
      returnCheckIns.push(await (await checkInTimer(page))());
    }
    await page.context().close();
  }
  const finite = (xs) => xs.filter((x) => Number.isFinite(x));
  return {
    ...row,
    parse: median(parse),
    import: median(imports),
    importBlock: median(importBlocks),
    load: loads.length ? median(loads) : undefined,
    expand: median(expands),
    select: median(selects),
    firstSelect: median(firstSelects),
    title: median(titles),
    checkIn: median(checkIns),
    firstTitle: median(firstTitles),
    firstMove: median(firstMoves),
    firstCheckIn: median(firstCheckIns),
    returnCheckIn: returnCheckIns.length ? median(returnCheckIns) : undefined,
    participation: median(participations),
    firstParticipation: median(firstParticipations),
    move: median(moves),
    addKeyResult: median(addedKeyResults),
    firstAddKeyResult: median(firstAddedKeyResults),
    delete: median(deletes),
    firstDelete: median(firstDeletes),
    undoDelete: median(undoneDeletes),
    firstUndoDelete: median(firstUndoneDeletes),
    save: finite(saves).length ? median(finite(saves)) : undefined,
    saveBlock: finite(saves).length ? median(saveBlocks) : undefined,
    export: median(exports),
    exportBlock: median(exportBlocks),
    preview: median(previews),
    previewBlock: median(previewBlocks),
    merge: median(merges),
    mergeBlock: median(mergeBlocks),
    heap: median(heaps),
    views: Object.fromEntries(Object.entries(views).map(([key, times]) => [key, median(times)])),
  };
}

const app = await setup();
const rows = [];
try {
  for (const size of SIZES) {
    process.stderr.write(`measuring ${size} objectives…\n`);
    rows.push(await measure(app, size));
  }
} finally {
  await app.close();
}
const bundle = await bundleSize();
console.log(`Machine: ${os.cpus()[0].model}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB; Chromium headless; median of ${RUNS} runs.\n`);
// Loading's target: 5× JSON.parse plus drawing the first screen, which is
// what loading the smallest plan measured costs (start-up and first draw).
const firstScreen = rows[0].load;
const budget = (r) => (r.load === undefined || firstScreen === undefined ? 'n/a' : ms(5 * r.parse + firstScreen));
const quota = (x) => (x === undefined ? 'over quota' : ms(x));
console.log('| objectives | file MB | JSON.parse ms | import ms | import longest task ms | load from storage ms | load target ms | expand unit ms | select unit ms | edit title ms | check-in to score ms | move unit ms | add key result ms | rollout status ms | autosave ms | autosave longest task ms | heap MB |');
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  console.log(`| ${r.size} | ${r.mb.toFixed(1)} | ${ms(r.parse)} | ${ms(r.import)} | ${ms(r.importBlock)} | ${quota(r.load)} | ${budget(r)} | ${ms(r.expand)} | ${ms(r.select)} | ${ms(r.title)} | ${ms(r.checkIn)} | ${ms(r.move)} | ${ms(r.addKeyResult)} | ${ms(r.participation)} | ${quota(r.save)} | ${quota(r.saveBlock)} | ${r.heap.toFixed(0)} |`);
}
console.log(`\nShipped bundle (gzip -9): ${(bundle.total / 1024).toFixed(0)} KB (${bundle.parts.join(', ')}).`);
console.log(`Load target: 5 × JSON.parse plus drawing the first screen, taken as loading the ${rows[0].size}-objective plan (${ms(firstScreen)} ms). Import runs from the drop to the plan drawn after Replace; autosave from the edit's save to its end; their longest task is the longest the page could not respond meanwhile (0: no task over 50 ms).`);
console.log(`Edit, expand and select times run from the event until the page shows the change (a unit selected: its panel, with its first objective's editor; the rest of its editors follow a paint later), which the browser paints in the next frame; each edit ${EDITS_PER_RUN} times per run after a first one, median of all.`);
console.log('\nThe first edit of each kind after the page opened (median of the runs). On a first visit Chromium runs code the first time in its quick baseline compile, optimising it once it is used; on a return visit (after the reload that times loading) it reuses the optimised code:\n');
console.log('| objectives | first select ms | first title ms | first check-in ms | first move ms | first key result added ms | first rollout status ms | first check-in, return visit ms |');
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) console.log(`| ${r.size} | ${ms(r.firstSelect)} | ${ms(r.firstTitle)} | ${ms(r.firstCheckIn)} | ${ms(r.firstMove)} | ${ms(r.firstAddKeyResult)} | ${ms(r.firstParticipation)} | ${ms(r.returnCheckIn)} |`);
console.log('\nDeleting Department 2 with the units and objectives below it (confirmed in its dialog), until its parent\'s panel shows, and undoing that, until its row is back in the outline; the first of each in a run on its own, the others for the median:\n');
console.log('| objectives | objectives deleted | delete department ms | undo the deletion ms | first delete department ms | first undo ms |');
console.log('|---:|---:|---:|---:|---:|---:|');
for (const r of rows) console.log(`| ${r.size} | ${r.deleted} | ${ms(r.delete)} | ${ms(r.undoDelete)} | ${ms(r.firstDelete)} | ${ms(r.firstUndoDelete)} |`);
console.log('\nExporting the plan, from the click on Export until the file is handed to the download; merging the plan\'s file with 10 objectives retitled, from "Merge into current plan…" until the preview shows, and from its Merge until the dialog closes; each with the longest task meanwhile (0: none over 50 ms), one per run:\n');
console.log('| objectives | export ms | export longest task ms | merge preview ms | preview longest task ms | merge ms | merge longest task ms |');
console.log('|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) console.log(`| ${r.size} | ${ms(r.export)} | ${ms(r.exportBlock)} | ${ms(r.preview)} | ${ms(r.previewBlock)} | ${ms(r.merge)} | ${ms(r.mergeBlock)} |`);
console.log('\nOpening a view from the navigation (the cascade before each), until it shows (scoring: its first card\'s fields; rollout: the timeline\'s phases, the rest of the view following a paint later; cascade: the outline) and until the frame after it has run (laid out and painted); one of each per run:\n');
console.log('| objectives | open scoring ms | scoring painted ms | open rollout ms | rollout painted ms | back to cascade ms | cascade painted ms |');
console.log('|---:|---:|---:|---:|---:|---:|---:|');
for (const { size, views: v } of rows) console.log(`| ${size} | ${ms(v.scoring)} | ${ms(v.scoringPainted)} | ${ms(v.rollout)} | ${ms(v.rolloutPainted)} | ${ms(v.cascade)} | ${ms(v.cascadePainted)} |`);
