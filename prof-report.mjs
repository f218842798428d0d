import { readFileSync } from 'node:fs';
const profile = JSON.parse(readFileSync(process.argv[2]));
const mode = process.argv[3] ?? 'self';
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const self = new Map(); const incl = new Map();
const dt = profile.timeDeltas; let total = 0;
profile.samples.forEach((id, i) => {
  const d = (dt[i + 1] ?? 0) / 1000;
  const n = byId.get(id);
  const name = n.callFrame.functionName || '(anon)';
  if (['(idle)', '(program)', '(garbage collector)'].includes(name) && name === '(idle)') return;
  total += d;
  self.set(name, (self.get(name) ?? 0) + d);
  const seen = new Set();
  for (let at = id; at !== undefined; at = parent.get(at)) {
    const nm = byId.get(at).callFrame.functionName || '(anon)';
    if (seen.has(nm)) continue; seen.add(nm);
    incl.set(nm, (incl.get(nm) ?? 0) + d);
  }
});
const map = mode === 'self' ? self : incl;
const filter = process.argv[4] ? new RegExp(process.argv[4]) : null;
console.log('total non-idle ms', total.toFixed(1));
[...map].filter(([n]) => !filter || filter.test(n)).sort((a, b) => b[1] - a[1]).slice(0, Number(process.argv[5] ?? 40)).forEach(([n, t]) => console.log(t.toFixed(1).padStart(8), n.slice(0, 150)));
