// The foundation as a user meets it: the sample plan, autosave, files,
// recovery from a bad saved plan, and a storage failure.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, savedPlan, openFile, download, planName, rename } from './support.mjs';

const SAMPLE_NAME = 'Fernhill Cycles — OKRs 2026/27';
let app;
before(async () => {
  app = await setup();
});
after(() => app.close());



test('a first visit shows the sample plan and its views', async () => {
  const page = await app.open();
  assert.equal(await planName(page).inputValue(), SAMPLE_NAME);
  await page.getByRole('heading', { name: 'Cascade' }).waitFor();
  const company = page.getByRole('list', { name: 'Objectives of Fernhill Cycles' });
  assert.match(await company.innerText(), /Become the most loved e-bike brand in Europe/);

  const views = page.getByRole('navigation', { name: 'Views' });
  await views.getByRole('link', { name: 'Rollout' }).click();
  await page.getByRole('heading', { name: 'Rollout' }).waitFor();
  assert.equal(new URL(page.url()).hash, '#/rollout');
  assert.equal(await views.getByRole('link', { name: 'Rollout' }).getAttribute('aria-current'), 'page');
  await page.goBack();
  await page.getByRole('heading', { name: 'Cascade' }).waitFor();
});

test('a hash route opens its view directly', async () => {
  const page = await app.open({ hash: '#/scoring' });
  await page.getByRole('heading', { name: 'Scoring' }).waitFor();
});

test('renaming the plan survives a reload and can be undone', async () => {
  const page = await app.open();
  await rename(page, 'Offsite plan');
  await savedPlan(page, (plan) => plan.meta.name === 'Offsite plan');
  await page.reload();
  assert.equal(await planName(page).inputValue(), 'Offsite plan');

  await rename(page, 'Second name');
  await page.locator('main').click(); // shortcuts act outside text fields
  await page.keyboard.press('Control+z');
  assert.equal(await planName(page).inputValue(), 'Offsite plan');
  await page.keyboard.press('Control+Shift+z');
  assert.equal(await planName(page).inputValue(), 'Second name');
  await page.getByRole('status').filter({ hasText: 'Redid rename plan.' }).waitFor();

  // A blank name is refused with a reason, and the field shows the plan's name again.
  await rename(page, '   ');
  await page.getByRole('status').filter({ hasText: 'A plan needs a name.' }).waitFor();
  assert.equal(await planName(page).inputValue(), 'Second name');
});

test('export then import gives back the same plan, and the import can be undone', async () => {
  const page = await app.open();
  const exported = await download(page, () => page.getByRole('button', { name: 'Export', exact: true }).click());
  assert.equal(exported.name, 'fernhill-cycles-okrs-2026-27.okrplan.json');
  const file = JSON.parse(exported.text);
  assert.equal(file.format, 'okrplan');
  assert.equal(file.schema_version, 2);
  assert.match(exported.text, /\n  "meta": \{/, 'pretty-printed');

  await rename(page, 'Changed meanwhile');
  await savedPlan(page, (plan) => plan.meta.name === 'Changed meanwhile');
  await openFile(page, exported.name, exported.text);
  const dialog = page.getByRole('dialog', { name: `Open ${exported.name}` });
  assert.match(await dialog.innerText(), /the current plan is “Changed meanwhile”/);
  await dialog.getByRole('button', { name: 'Replace current plan' }).click();
  assert.equal(await planName(page).inputValue(), SAMPLE_NAME);
  const saved = await savedPlan(page, (plan) => plan.meta.name !== 'Changed meanwhile');
  assert.deepEqual(saved, file);
  // Each item carries the version that left, so a later merge can tell who edited what.
  assert.ok(Object.keys(file.synced).length > 50);

  await page.getByRole('button', { name: 'Undo' }).click();
  assert.equal(await planName(page).inputValue(), 'Changed meanwhile');
});

test('a broken file shows its errors and changes nothing', async () => {
  const page = await app.open();
  await rename(page, 'Keep me');
  const before = await savedPlan(page, (plan) => plan.meta.name === 'Keep me');

  await openFile(page, 'broken.okrplan.json', '{\n  "format": "okrplan",\n  "schema_version": 1,\n  oops');
  let dialog = page.getByRole('alertdialog', { name: 'Cannot open broken.okrplan.json' });
  assert.match(await dialog.innerText(), /The file is not valid JSON\.[\s\S]*\(line 4, column 3\)/);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await dialog.waitFor({ state: 'detached' });

  const invalid = structuredClone(before);
  invalid.objectives[0].cycle = 'no-such-cycle';
  invalid.objectives[1].key_results[0].title = '';
  invalid.units[3].parent = 'nobody';
  await openFile(page, 'invalid.okrplan.json', JSON.stringify(invalid));
  dialog = page.getByRole('alertdialog', { name: 'Cannot open invalid.okrplan.json' });
  const items = dialog.getByRole('list', { name: 'Problems' }).getByRole('listitem');
  await items.first().waitFor(); // the file is read asynchronously
  const problems = await items.allInnerTexts();
  assert.deepEqual(problems, [
    'units[3].parent refers to unit "nobody", which does not exist',
    'objectives[0].cycle refers to cycle "no-such-cycle", which does not exist',
    'objectives[1].key_results[0].title the key result title is empty',
  ]);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });

  await openFile(page, 'list.json', '[1, 2, 3]');
  dialog = page.getByRole('alertdialog', { name: 'Cannot open list.json' });
  assert.match(await dialog.innerText(), /not an okrplan plan/);
  await dialog.getByRole('button', { name: 'Close' }).click();

  assert.equal(await planName(page).inputValue(), 'Keep me');
  assert.deepEqual(await savedPlan(page), before);
  assert.equal(await page.getByRole('button', { name: 'Undo' }).isEnabled(), true);
});

test('a file dropped on the page is opened after confirmation', async () => {
  const page = await app.open();
  const exported = await download(page, () => page.getByRole('button', { name: 'Export', exact: true }).click());
  const text = exported.text.replace(SAMPLE_NAME, 'Dropped plan');
  await page.evaluate((contents) => {
    const data = new DataTransfer();
    data.items.add(new File([contents], 'dropped.okrplan.json', { type: 'application/json' }));
    const main = document.querySelector('main');
    main.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
    main.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, text);
  const dialog = page.getByRole('dialog', { name: 'Open dropped.okrplan.json' });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  assert.equal(await planName(page).inputValue(), SAMPLE_NAME);
});

const CORRUPT = '{"format": "okrplan", "schema_version": 1, "meta": {"name": "Half a pl';
const seed = (text) => `if (!sessionStorage.getItem('seeded')) {
  sessionStorage.setItem('seeded', '1');
  localStorage.setItem('okrplan.plan', ${JSON.stringify(text)});
}`;

test('a corrupt saved plan opens recovery, offers the text, and is only set aside on request', async () => {
  const page = await app.open({ init: seed(CORRUPT), waitForPlanner: false });
  const screen = page.getByRole('main', { name: 'Your saved plan could not be opened' });
  assert.match(await screen.innerText(), /The file is not valid JSON\./);
  const saved = await download(page, () => screen.getByRole('button', { name: 'Download the saved text' }).click());
  assert.equal(saved.text, CORRUPT);
  assert.equal(await page.evaluate(() => localStorage.getItem('okrplan.plan')), CORRUPT);

  await page.reload(); // still nothing overwritten
  await screen.getByRole('button', { name: 'Set it aside and open the sample plan' }).click();
  assert.equal(await planName(page).inputValue(), SAMPLE_NAME);
  assert.equal(await page.evaluate(() => localStorage.getItem('okrplan.unreadable')), CORRUPT);
});

test('a damaged packed plan opens recovery too, and stays as it was', async () => {
  // "deflate:" and base64url of bytes that are not deflate data: the browser's inflate refuses them.
  const damaged = 'deflate:' + Buffer.from('not deflate at all, just text').toString('base64url');
  const page = await app.open({ init: seed(damaged), waitForPlanner: false });
  const screen = page.getByRole('main', { name: 'Your saved plan could not be opened' });
  assert.match(await screen.innerText(), /The saved plan is damaged\.[\s\S]*does not unpack/);
  assert.equal(await page.evaluate(() => localStorage.getItem('okrplan.plan')), damaged);
});

test('a plan saved by a newer version is not opened or overwritten', async () => {
  const newer = JSON.stringify({ format: 'okrplan', schema_version: 99, meta: { name: 'Future' } });
  const page = await app.open({ init: seed(newer), waitForPlanner: false });
  const screen = page.getByRole('main', { name: 'Your saved plan could not be opened' });
  assert.match(await screen.innerText(), /written by a newer version of okrplan[\s\S]*schema version 99/);
  assert.equal(await page.evaluate(() => localStorage.getItem('okrplan.plan')), newer);
});

test('a failed save shows a banner and the app keeps working in memory', async () => {
  const page = await app.open({
    init: () => {
      Storage.prototype.setItem = function () {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    },
  });
  await rename(page, 'Unsaved work');
  const banner = page.getByRole('alert').filter({ hasText: 'Not saved.' });
  assert.match(await banner.innerText(), /storage is full/);
  assert.equal(await planName(page).inputValue(), 'Unsaved work');
  await page.getByRole('button', { name: 'Undo' }).click();
  assert.equal(await planName(page).inputValue(), SAMPLE_NAME);
});

test('an exported file keeps text beyond ASCII as it was typed', async () => {
  const page = await app.open();
  await rename(page, 'Plan für Zürich — Q4 ✓ 🚲');
  await savedPlan(page, (plan) => plan.meta.name.startsWith('Plan für'));
  const exported = await download(page, () => page.getByRole('button', { name: 'Export', exact: true }).click());
  assert.equal(JSON.parse(exported.text).meta.name, 'Plan für Zürich — Q4 ✓ 🚲');
});

test('objectives and key results export as CSV', async () => {
  const page = await app.open();
  const csv = await download(page, () => page.getByRole('button', { name: 'Export CSV' }).click());
  assert.equal(csv.name, 'fernhill-cycles-okrs-2026-27.csv');
  const lines = csv.text.trim().split('\r\n');
  assert.equal(lines[0], 'id,parent id,type,title,unit,cycle,start,target,current,unit of measure,weight,score');
  assert.equal(lines.length, 1 + 12 + 23, 'a header, 12 objectives and 23 key results');
  assert.equal(lines[1], 'o-loved,,objective,Become the most loved e-bike brand in Europe,Fernhill Cycles,Q4 2026,,,,,,0.417');
});
