// Shared set-up for the browser tests: a static server for the release build
// and Debian's Chromium driven by playwright-core.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { join, extname, normalize, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const distDir = process.env.OKRPLAN_DIST ?? join(root, 'dist');

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};

/** Serves `dir` under the URL path `base` (e.g. "/" or "/teams/okr/"). */
export async function serve(dir = distDir, base = '/') {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (!path.startsWith(base)) {
      res.writeHead(404).end();
      return;
    }
    let file = normalize(join(dir, path.slice(base.length)));
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}${base}`;
  return { url, close: () => new Promise((resolve) => server.close(resolve)) };
}

export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
}

/**
 * One browser and server for a test file; `open()` gives each test a fresh
 * profile (empty localStorage) with the app loaded.
 */
export async function setup({ base = '/' } = {}) {
  const server = await serve(distDir, base);
  const browser = await launchChromium();
  const contexts = [];
  return {
    url: server.url,
    browser,
    /** `device`: context options in place of a laptop's (a phone's viewport and touch). */
    async open({ init, hash = '', waitForPlanner = true, device = {} } = {}) {
      const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 800 }, ...device });
      contexts.push(context);
      if (init) await context.addInitScript(init);
      const page = await context.newPage();
      page.on('pageerror', (e) => console.error('page error:', e.message));
      await page.goto(server.url + hash);
      if (waitForPlanner) await page.getByRole('textbox', { name: 'Plan name' }).waitFor();
      return page;
    },
    async close() {
      for (const c of contexts) await c.close();
      await browser.close();
      await server.close();
    },
  };
}

/** The plan as autosaved in the page's localStorage, once it satisfies `ready`. */
export async function savedPlan(page, ready = () => true) {
  const handle = await page.waitForFunction(
    (readySource) => {
      const text = localStorage.getItem('okrplan.plan');
      if (!text) return null;
      const plan = JSON.parse(text);
      return new Function('plan', `return (${readySource})(plan)`)(plan) ? plan : null;
    },
    ready.toString(),
  );
  return handle.jsonValue();
}

/** Picks a file through the page's "Open file…" button. */
export async function openFile(page, name, contents) {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('toolbar', { name: 'Plan' }).getByRole('button', { name: 'Open file…' }).click(),
  ]);
  await chooser.setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(contents) });
}

/** Clicks something that downloads a file and returns the file's text and name. */
export async function download(page, click) {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  const stream = await file.createReadStream();
  const chunks = [];
  for await (const chunk of stream) chunks.push(chunk);
  return { name: file.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
}

/** The header's plan name field. */
export const planName = (page) => page.getByRole('textbox', { name: 'Plan name' });

/** Renames the plan as a user does: type, then Enter. */
export async function rename(page, name) {
  await planName(page).fill(name);
  await planName(page).press('Enter');
}

/** A plan as a flat import leaves it: `count` objectives of its one cycle (Q4 2026), all on one unit "Team". */
export function flatPlan(count) {
  const objectives = Array.from({ length: count }, (_, i) => ({
    id: `o-${i + 1}`, title: `Imported objective ${i + 1}`, unit: 'u-team', cycle: 'q4', commitment: 'committed', key_results: [],
  }));
  return {
    format: 'okrplan', schema_version: 1, meta: { name: 'Flat import' },
    cycles: [{ id: 'q4', name: 'Q4 2026', kind: 'quarter', start: '2026-10-01', end: '2026-12-31' }],
    units: [{ id: 'u-team', name: 'Team', kind: 'team' }],
    objectives,
  };
}
