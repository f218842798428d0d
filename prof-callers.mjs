import { readFileSync } from 'node:fs';
const profile = JSON.parse(readFileSync(process.argv[2]));
const target = new RegExp(process.argv[3]);
const depth = Number(process.argv[4] ?? 4);
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const chains = new Map();
profile.samples.forEach((id, i) => {
  const d = (profile.timeDeltas[i + 1] ?? 0) / 1000;
  const names = [];
  for (let at = id; at !== undefined; at = parent.get(at)) names.push(byId.get(at).callFrame.functionName);
  const k = names.findIndex((n) => target.test(n));
  if (k < 0) return;
  const chain = names.slice(k, k + depth).map((n) => n.replace(/::h[0-9a-f]{16}$/, '').slice(0, 90)).join('  <  ');
  chains.set(chain, (chains.get(chain) ?? 0) + d);
});
[...chains].sort((a, b) => b[1] - a[1]).slice(0, 12).forEach(([c, t]) => console.log(t.toFixed(1).padStart(6), c));
