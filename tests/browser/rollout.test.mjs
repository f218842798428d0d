// The rollout planner as a planner uses it: strategies, moving units between
// phases by keyboard and by drag and drop, risks, the comparison, the picture.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, savedPlan, download } from './support.mjs';

let app;
before(async () => {
  app = await setup();
});
after(() => app.close());

const open = () => app.open({ hash: '#/rollout' });
const phaseButtons = (page) => page.getByRole('list', { name: 'Phases' }).getByRole('button');
const phase = (page, name) => page.getByRole('list', { name: 'Phases' }).getByRole('button', { name, exact: true });
const orgRow = (page, name) => page.locator('.org-row', { has: page.locator('.org-name', { hasText: name }) });
const statusOf = (plan, unit, phaseId) => plan.rollout.participation.find((p) => p.unit === unit && p.phase === phaseId)?.status ?? 'not_started';
const risks = (page) => page.getByRole('list', { name: 'Risks' }).getByRole('listitem');
const comparison = (page) => page.getByRole('table', { name: 'Strategy comparison' });
const comparisonRow = (page, name) => comparison(page).getByRole('row').filter({ has: page.getByRole('rowheader', { name }) });

test('choosing a strategy proposes phases from the org tree; a hand-edited plan is only replaced after asking', async () => {
  const page = await open();
  assert.deepEqual(await phaseButtons(page).evaluateAll((b) => b.map((x) => x.textContent)), [
    'Leadership',
    'Departments and early teams',
    'Everyone',
  ]);
  const strategy = page.getByRole('group', { name: 'Strategy' });
  await strategy.getByRole('combobox', { name: 'Strategy' }).selectOption('Level by level');
  await strategy.getByRole('button', { name: 'Propose phases' }).click();
  const dialog = page.getByRole('dialog', { name: 'Replace the phase plan?' });
  assert.match(await dialog.innerText(), /edited by hand[\s\S]*Undo brings the current phase plan back/);
  await dialog.getByRole('button', { name: 'Replace phase plan' }).click();
  let plan = await savedPlan(page, (p) => p.rollout.strategy === 'level_by_level');
  // Fernhill Cycles is five levels deep (company › Engineering › Platform › Infrastructure › Priya).
  assert.equal(plan.rollout.phases.length, 5);
  assert.equal(await phaseButtons(page).count(), 5);
  await phase(page, 'Phase 1: level 1').waitFor();
  assert.equal(statusOf(plan, 'u-company', plan.rollout.phases[0].id), 'active');
  assert.equal(statusOf(plan, 'u-eng', plan.rollout.phases[0].id), 'not_started');
  assert.equal(plan.rollout.readiness.length, 9, 'the checklist moved to the new phases');

  // A fresh proposal is replaced without a question.
  await strategy.getByRole('combobox', { name: 'Strategy' }).selectOption('Inclusive, all at once');
  await strategy.getByRole('button', { name: 'Propose phases' }).click();
  plan = await savedPlan(page, (p) => p.rollout.strategy === 'all_at_once');
  assert.equal(plan.rollout.phases.length, 1);
  assert.equal(await dialog.count(), 0);
  await phase(page, 'Phase 1: everyone').waitFor();

  await page.getByRole('button', { name: 'Undo' }).click();
  await savedPlan(page, (p) => p.rollout.strategy === 'level_by_level');
  await page.getByRole('button', { name: 'Undo' }).click();
  await savedPlan(page, (p) => p.rollout.strategy === 'leadership_first' && p.rollout.phases.length === 3);
  await phase(page, 'Leadership').waitFor();
});

test('units move between phases by keyboard and by drag and drop', async () => {
  const page = await open();
  // The phase in force today is shown first.
  assert.equal(await phase(page, 'Leadership').getAttribute('aria-pressed'), 'true');
  const brand = page.getByRole('combobox', { name: 'Participation of Brand team' });
  assert.equal(await brand.inputValue(), 'Not started');
  assert.equal(await orgRow(page, 'Brand team').locator('.status-mark').innerText(), '○');
  // The picture's Leadership bar counts units by status (in its tooltip).
  const leadershipBar = page.locator('#rollout-timeline g.phase title').first();
  const barCounts = async () => (await leadershipBar.textContent()).match(/(\d+) active, (\d+) view-only, (\d+) not started/).slice(1).map(Number);
  const [active, viewOnly, notStarted] = await barCounts();
  await brand.selectOption('View-only');
  let plan = await savedPlan(page, (p) => p.rollout.participation.some((x) => x.unit === 'u-brand' && x.phase === 'ph-1' && x.status === 'view_only'));
  assert.equal(await orgRow(page, 'Brand team').locator('.status-mark').innerText(), '◐');
  assert.deepEqual(await barCounts(), [active, viewOnly + 1, notStarted - 1]);

  // The adoption chart's line of units active moves with a unit made active earlier.
  const activeLine = page.locator('#rollout-adoption path[stroke-dasharray="none"]');
  const lineBefore = await activeLine.getAttribute('d');
  await page.getByRole('combobox', { name: 'Brand team active from' }).selectOption('Departments and early teams');
  plan = await savedPlan(page, (p) => p.rollout.participation.some((x) => x.unit === 'u-brand' && x.phase === 'ph-2' && x.status === 'active'));
  assert.deepEqual(['ph-1', 'ph-2', 'ph-3'].map((ph) => statusOf(plan, 'u-brand', ph)), ['view_only', 'active', 'active']);
  assert.notEqual(await activeLine.getAttribute('d'), lineBefore);

  // Drag a row by its name onto a phase button (they stay in view while scrolling), then onto a phase in the timeline.
  await orgRow(page, 'Data team').locator('.org-name').dragTo(phase(page, 'Departments and early teams'));
  plan = await savedPlan(page, (p) => p.rollout.participation.some((x) => x.unit === 'u-data' && x.phase === 'ph-2' && x.status === 'active'));
  assert.deepEqual(['ph-1', 'ph-2', 'ph-3'].map((ph) => statusOf(plan, 'u-data', ph)), ['view_only', 'active', 'active']);
  await page.getByRole('status').filter({ hasText: 'Data team is active from “Departments and early teams” on.' }).waitFor();
  // A tall window from the top, so the timeline and the row are both in view.
  await page.setViewportSize({ width: 1280, height: 1600 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await orgRow(page, 'Tom Becker').locator('.org-name').dragTo(page.locator('#rollout-timeline g.phase').first().locator('rect').first());
  await savedPlan(page, (p) => p.rollout.participation.some((x) => x.unit === 'u-tom' && x.phase === 'ph-1' && x.status === 'active'));
  assert.equal(await page.getByRole('combobox', { name: 'Participation of Tom Becker' }).inputValue(), 'Active');

  // Another phase shows the organisation as it is then.
  await phase(page, 'Everyone').click();
  await page.getByRole('heading', { name: 'Organisation in “Everyone”' }).waitFor();
  assert.equal(await page.getByRole('combobox', { name: 'Participation of Brand team' }).inputValue(), 'Active');
  await page.getByRole('button', { name: 'Undo' }).click();
  await savedPlan(page, (p) => p.rollout.participation.some((x) => x.unit === 'u-tom' && x.phase === 'ph-1' && x.status === 'view_only'));
});

test('risks and the comparison follow the plan', async () => {
  const page = await open();
  const readinessRisk = risks(page).filter({ hasText: '“Leadership” started on 2026-10-01 with 1 of 7 readiness items open' });
  await readinessRisk.waitFor();
  assert.match(await readinessRisk.innerText(), /Seed 002/);
  await page.getByRole('checkbox', { name: 'Done: Expert support available' }).check();
  await readinessRisk.waitFor({ state: 'detached' });
  assert.equal(await page.getByRole('progressbar', { name: 'Readiness progress' }).getAttribute('value'), '7');

  // Brand team active before Marketing is a risk.
  await page.getByRole('combobox', { name: 'Participation of Brand team' }).selectOption('Active');
  await risks(page).filter({ hasText: 'In “Leadership”, Brand team is active while its parent Marketing is not active.' }).waitFor();

  const warnings = async () => (await comparisonRow(page, 'Warnings').getByRole('cell').allInnerTexts()).map((t) => Number(t.split('\n')[0]));
  assert.equal(await comparisonRow(page, 'Phases').getByRole('cell').nth(0).innerText(), '4');
  const before = await warnings();
  await page.getByRole('button', { name: 'Remove Mara Lindqvist (CEO)' }).click();
  await risks(page).filter({ hasText: 'No executive sponsor is named for the rollout.' }).waitFor();
  await page.waitForFunction(
    (expected) => {
      const row = [...document.querySelectorAll('.compare tbody tr')].find((r) => r.querySelector('th')?.textContent === 'Warnings');
      return [...row.querySelectorAll('td > strong')].map((s) => Number(s.textContent)).join() === expected;
    },
    before.map((n) => n + 1).join(),
  );
  assert.match(await comparison(page).innerText(), /No executive sponsor/);

  await page.getByRole('combobox', { name: 'Second strategy' }).selectOption('Inclusive, all at once');
  await comparisonRow(page, 'Phases').getByRole('cell').nth(1).filter({ hasText: /^1$/ }).waitFor();
  assert.equal(await comparisonRow(page, 'Time to full coverage').getByRole('cell').nth(1).innerText(), 'from the start');
  assert.equal(await comparisonRow(page, 'Most units newly active in one phase').getByRole('cell').nth(1).innerText(), '14');
  assert.match(await comparisonRow(page, 'Warnings').getByRole('cell').nth(1).innerText(), /14 of 14 units start together/);
});

test('roles, readiness and programme events are edited in place; the picture shows the cadence and downloads', async () => {
  const page = await open();
  await page.getByRole('button', { name: 'Add ambassador' }).click();
  const roleRows = page.getByRole('table', { name: 'Roles' }).getByRole('row');
  const added = roleRows.last();
  await added.getByRole('textbox', { name: 'Person' }).fill('Noor Haddad');
  await added.getByRole('textbox', { name: 'Person' }).press('Enter');
  await added.getByRole('combobox', { name: 'Unit of Noor Haddad' }).fill('Marketing');
  await added.getByRole('combobox', { name: 'Unit of Noor Haddad' }).press('Enter');
  let plan = await savedPlan(page, (p) => p.rollout.roles.some((r) => r.person === 'Noor Haddad' && r.unit === 'u-marketing'));
  assert.equal(plan.rollout.roles.at(-1).role, 'ambassador');
  // The suggestions are the units whose path holds what is typed, offered while the field has focus.
  const unitField = added.getByRole('combobox', { name: 'Unit of Noor Haddad' });
  await unitField.fill('Cycles › Mark');
  assert.deepEqual(await page.locator('#unit-choices option').evaluateAll((options) => options.map((o) => o.value)), ['Fernhill Cycles › Marketing', 'Fernhill Cycles › Marketing › Brand team']);
  // An unknown unit is refused; emptied, the field makes the role the whole programme's.
  await unitField.fill('Nowhere');
  await unitField.press('Enter');
  await page.getByRole('status').filter({ hasText: 'No unit is called “Nowhere”.' }).waitFor();
  assert.equal(await unitField.inputValue(), 'Fernhill Cycles › Marketing');
  await unitField.fill('');
  await unitField.press('Enter');
  await savedPlan(page, (p) => p.rollout.roles.some((r) => r.person === 'Noor Haddad' && !r.unit));

  await page.getByRole('textbox', { name: 'New readiness item' }).fill('OKR tool licences bought');
  await page.getByRole('button', { name: 'Add item' }).click();
  await page.getByRole('checkbox', { name: 'Done: OKR tool licences bought' }).waitFor();
  assert.match(await page.getByRole('region', { name: /^Readiness for/ }).innerText(), /6 of 8 done/);

  const timeline = page.getByRole('img', { name: /^Timeline of 3 phases/ });
  assert.match(await timeline.getAttribute('aria-label'), /weekly check-ins/);
  await page.getByRole('combobox', { name: 'Check-in cadence' }).selectOption('Every two weeks');
  await page.getByRole('img', { name: /check-ins every two weeks/ }).waitFor();

  await page.getByRole('combobox', { name: 'Event', exact: true }).selectOption('Pause');
  await page.getByRole('textbox', { name: 'Event date' }).fill('2027-01-15');
  await page.getByRole('textbox', { name: 'Event note' }).fill('Until leadership is bought in');
  await page.getByRole('button', { name: 'Add event' }).click();
  await page.getByRole('list', { name: 'Programme events' }).getByText('Pause on 15 Jan 2027').waitFor();
  await page.getByRole('img', { name: /and 1 programme events/ }).waitFor();
  plan = await savedPlan(page, (p) => p.rollout.events.length === 1 && p.rollout.cadence === 'biweekly');
  assert.deepEqual([plan.rollout.events[0].kind, plan.rollout.events[0].date], ['pause', '2027-01-15']);

  const svg = await download(page, () => page.getByRole('button', { name: 'Download picture (SVG)' }).click());
  assert.equal(svg.name, 'rollout.svg');
  assert.match(svg.text, /^<\?xml[^]*<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  assert.match(svg.text, /Pause 15 Jan/);
  assert.match(svg.text, /Check-ins every two weeks/);
  assert.match(svg.text, /Adoption over time/);

  await page.getByRole('button', { name: 'Remove Pause on 15 Jan 2027' }).click();
  await savedPlan(page, (p) => p.rollout.events.length === 0);
});

test('the phase bar stays in view to drop rows on while the organisation scrolls, except on a touch screen', async () => {
  const barTopAfterScrolling = async (page) => {
    const bar = page.getByRole('list', { name: 'Phases' });
    await bar.waitFor();
    // 300 pixels further than the bar: the organisation below it still fills the screen.
    await page.evaluate(() => scrollTo(0, document.querySelector('[aria-label="Phases"]').getBoundingClientRect().top + scrollY + 300));
    await page.waitForFunction(() => scrollY > 300);
    return (await bar.boundingBox()).y;
  };
  assert.equal(Math.round(await barTopAfterScrolling(await app.open({ hash: '#/rollout' }))), 0);
  const phone = await app.open({ hash: '#/rollout', device: { viewport: { width: 390, height: 800 }, isMobile: true, hasTouch: true } });
  assert.ok(await barTopAfterScrolling(phone) < -250);
});

test('a plan of 2,000 units opens collapsed and stays small', async () => {
  const units = [{ id: 'c', name: 'Big Co', kind: 'company' }];
  for (let d = 0; d < 20; d++) {
    units.push({ id: `d${d}`, name: `Department ${d}`, kind: 'department', parent: 'c' });
    for (let t = 0; t < 99; t++) units.push({ id: `d${d}t${t}`, name: `Team ${d}.${t}`, kind: 'team', parent: `d${d}` });
  }
  const big = JSON.stringify({ format: 'okrplan', schema_version: 1, meta: { name: 'Big' }, units });
  const page = await app.open({
    hash: '#/rollout',
    init: `if (!sessionStorage.getItem('seeded')) { sessionStorage.setItem('seeded', '1'); localStorage.setItem('okrplan.plan', ${JSON.stringify(big)}); }`,
  });
  await page.getByText('No phases yet').waitFor();
  const started = Date.now();
  await page.getByRole('button', { name: 'Propose phases' }).click();
  await phase(page, 'Phase 1: leadership and management').waitFor();
  const took = Date.now() - started;
  assert.equal(await page.locator('.org-row').count(), 21, 'the company and its departments');
  await page.getByRole('button', { name: 'Expand Department 3' }).click();
  assert.equal(await page.locator('.org-row').count(), 120);
  console.log(`proposing and drawing a 2,001-unit rollout took ${took} ms; DOM has ${await page.evaluate(() => document.querySelectorAll('*').length)} elements`);
});

test('the organisation, risks, programme OKRs, roles and comparison are drawn a paint after the top of the view', async () => {
  const page = await app.open({ hash: '#/cascade' });
  await page.getByRole('heading', { level: 1, name: 'Cascade' }).waitFor();
  const seen = await page.evaluate(() => new Promise((resolve) => {
    let painted = false;
    const first = {};
    const drawn = (selector) => document.querySelector(selector) !== null;
    const observer = new MutationObserver(() => {
      if (!first.top && drawn('#rollout-timeline g.phase')) {
        first.top = {
          painted,
          phases: drawn('[aria-label="Phases"] button'),
          organisation: drawn('.org-status'),
          risks: drawn('[aria-label="Risks"]'),
          riskMark: drawn('.phase-tab .warning'),
          comparison: drawn('[aria-label="Strategy comparison"]'),
          roles: drawn('#roles-title'),
        };
      }
      if (!first.riskMark && drawn('.phase-tab .warning')) first.riskMark = { painted };
      if (!first.comparison && drawn('[aria-label="Strategy comparison"]')) first.comparison = { painted };
      if (first.top && first.riskMark && first.comparison) { observer.disconnect(); resolve(first); }
    });
    observer.observe(document.body, { childList: true, subtree: true });
    // Listening after the app does: the frame is asked for once the view has drawn its top.
    addEventListener('hashchange', () => requestAnimationFrame(() => { painted = true; }), { once: true });
    location.hash = '#/rollout';
  }));
  assert.deepEqual(seen, {
    top: { painted: false, phases: true, organisation: false, risks: false, riskMark: false, comparison: false, roles: false },
    riskMark: { painted: true },
    comparison: { painted: true },
  });
  // The phase the risks name is marked.
  assert.deepEqual(await page.locator('.phase-tab').evaluateAll((tabs) => tabs.map((t) => t.querySelector('.warning') !== null)), [true, false, false]);
  await comparison(page).getByRole('row').first().waitFor();
});

test('the programme OKRs follow objectives added and undone while the rollout view is open', async () => {
  const page = await open();
  const coverage = page.getByRole('list', { name: 'Rollout key results' }).getByRole('listitem').filter({ hasText: 'Every active unit has OKRs' });
  await coverage.filter({ hasText: '8 of 8 active units (100%)' }).waitFor();
  // Data team has no objectives this quarter.
  await page.getByRole('combobox', { name: 'Participation of Data team' }).selectOption('Active');
  await coverage.filter({ hasText: '8 of 9 active units (89%)' }).waitFor();

  await page.getByRole('link', { name: 'Cascade' }).click();
  await page.getByRole('list', { name: 'Organisation' }).getByRole('button', { name: 'Data team', exact: true }).click();
  await page.getByRole('complementary').getByRole('button', { name: 'Add objective' }).click();
  await page.getByRole('link', { name: 'Rollout' }).click();
  await coverage.filter({ hasText: '9 of 9 active units (100%)' }).waitFor();

  // Undone and redone here: the view keeps which units have objectives, and must follow.
  await page.getByRole('button', { name: 'Undo' }).click();
  await coverage.filter({ hasText: '8 of 9 active units (89%)' }).waitFor();
  await page.getByRole('button', { name: 'Redo' }).click();
  await coverage.filter({ hasText: '9 of 9 active units (100%)' }).waitFor();
});
