// Screenshots of the release build for a human to look at:
//   node scripts/screenshot.mjs [out-dir] [hash ...]
// Writes <out-dir>/<view>-<width>x<height>[-dark].png for a laptop and a projector size.
import { setup } from '../tests/browser/support.mjs';

const out = process.argv[2] ?? 'target/screenshots';
const hashes = process.argv.slice(3).length ? process.argv.slice(3) : ['#/cascade', '#/scoring', '#/rollout'];
const sizes = [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
];

const app = await setup();
try {
  for (const scheme of ['light', 'dark']) {
    for (const size of sizes) {
      for (const hash of hashes) {
        const page = await app.open({ hash });
        await page.emulateMedia({ colorScheme: scheme });
        await page.setViewportSize(size);
        const name = `${hash.replace(/[#/]/g, '') || 'home'}-${size.width}x${size.height}${scheme === 'dark' ? '-dark' : ''}`;
        await page.screenshot({ path: `${out}/${name}.png` });
        console.log(`${out}/${name}.png`);
        await page.context().close();
      }
    }
  }
} finally {
  await app.close();
}
