// Temporary profiling script (not committed): CPU profile of N moves at 10k.
import { setup } from './tests/browser/support.mjs';
import { generatePlan } from './scripts/benchmark/generate.mjs';
import { writeFileSync } from 'node:fs';
const KIND = process.argv[2] ?? 'move';
const app = await setup();
const page = await app.open();
const text = JSON.stringify(generatePlan(Number(process.argv[3] ?? 10000)));
await page.evaluate(async (contents) => {
  const wait = async (test) => { while (!test()) await new Promise((r) => setTimeout(r, 1)); };
  const data = new DataTransfer();
  data.items.add(new File([contents], 'bench.okrplan.json', { type: 'application/json' }));
  document.querySelector('main').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  await wait(() => document.querySelector('[role=dialog]'));
  [...document.querySelectorAll('[role=dialog] button')].find((b) => b.textContent === 'Replace current plan').click();
  await wait(() => document.querySelector('input[aria-label="Plan name"]').value.startsWith('Benchmark'));
}, text);
await page.getByRole('link', { name: 'Scoring' }).click();
await page.locator('input.grade-input').first().waitFor();
await page.evaluate(() => {
  const rows = [...document.querySelectorAll('tbody.kr-row')];
  const own = rows.find((row) => !row.querySelector('.basis')?.textContent.includes('aligned'));
  own.dataset.bench = 'check-in';
});
const scoreCell = 'tbody[data-bench] td:nth-of-type(2)';
const checkIn = (round) => page.evaluate(async ([value, score, scoreCell]) => {
  const i = document.querySelector('tbody[data-bench] input.grade-input');
  i.value = value;
  const t0 = performance.now();
  i.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
  while (!document.querySelector(scoreCell).textContent.includes(score)) await Promise.resolve();
  const t = performance.now() - t0;
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50)));
  return t;
}, round % 2 ? ['-1000', '0.0', scoreCell] : ['1000', '1.0', scoreCell]);
for (let i = 0; i < 4; i++) await checkIn(i);
await new Promise((r) => setTimeout(r, 1500));
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
await cdp.send('Profiler.start');
const times = [];
for (let i = 0; i < 10; i++) times.push(await checkIn(i));
const { profile } = await cdp.send('Profiler.stop');
console.log('check-in ms', times.map((t) => t.toFixed(1)).join(' '));
writeFileSync('/tmp/profiling/checkin.cpuprofile', JSON.stringify(profile));
await app.close();
