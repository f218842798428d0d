// Generates believable okrplan plans of a given size for benchmarks:
// about 5 objectives per unit, 3 key results per objective, 2 check-ins per
// key result, departments of uneven depth, alignment links to the level
// above, and a three-phase rollout covering every unit. Objectives, key
// results and check-ins have ids as the app mints them (a prefix and 16 hex
// digits): alike in length and prefix, which costs more to tell apart than
// short ones.

/** A small seeded random source, so every run measures the same plan. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The `n`th id with this prefix, in the app's form: 16 scrambled hex digits. */
function minted(prefix, n) {
  const half = (x) => (Math.imul(x ^ (x >>> 16), 0x45d9f3b) >>> 0).toString(16).padStart(8, '0');
  return `${prefix}-${half(n + 1)}${half(Math.imul(n + 1, 0x9e3779b1))}`;
}

const WORDS = ['Grow', 'Reduce', 'Launch', 'Improve', 'Win', 'Ship', 'Automate', 'Simplify', 'Delight', 'Scale'];
const THINGS = ['retention', 'onboarding', 'margin', 'uptime', 'revenue', 'NPS', 'lead time', 'adoption', 'quality', 'reach'];

export function generatePlan(objectiveCount, seed = 42) {
  const rnd = random(seed);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const unitCount = Math.max(6, Math.round(objectiveCount / 5));
  const units = [{ id: 'u-0', name: 'Company', kind: 'company', parent: null, headcount: unitCount * 3 }];
  const depth = [0];
  const departments = Math.min(12, unitCount - 1);
  const maxDepth = [];
  for (let d = 1; d <= departments; d++) {
    units.push({ id: `u-${d}`, name: `Department ${d}`, kind: 'department', parent: 'u-0' });
    depth.push(1);
    maxDepth[d] = 2 + (d % 4); // uneven: 2 to 5 levels below the company
  }
  const department = units.map((_, i) => (i === 0 ? 0 : i));
  while (units.length < unitCount) {
    const parent = Math.floor(rnd() * units.length);
    const dept = department[parent];
    if (parent === 0 || depth[parent] >= maxDepth[dept]) continue;
    const i = units.length;
    const leaf = depth[parent] + 1 === maxDepth[dept];
    units.push({
      id: `u-${i}`,
      name: `${leaf ? 'Person' : 'Team'} ${i}`,
      kind: leaf ? 'person' : 'team',
      parent: units[parent].id,
      ...(leaf ? { headcount: 1 } : {}),
    });
    depth.push(depth[parent] + 1);
    department.push(dept);
  }

  const cycles = [
    { id: 'q3', name: 'Q3 2026', kind: 'quarter', start: '2026-07-01', end: '2026-09-30' },
    { id: 'q4', name: 'Q4 2026', kind: 'quarter', start: '2026-10-01', end: '2026-12-31' },
  ];
  const byUnit = new Map();
  const objectives = [];
  for (let i = 0; i < objectiveCount; i++) {
    const unitIndex = i < units.length ? i : Math.floor(rnd() * units.length);
    const unit = units[unitIndex];
    const cycle = i < units.length || rnd() < 0.9 ? 'q4' : 'q3'; // every unit has Q4 OKRs
    const parentObjectives = unit.parent ? byUnit.get(`${unit.parent}/${cycle}`) ?? [] : [];
    let aligned_to = null;
    if (parentObjectives.length) {
      const parent = pick(parentObjectives);
      aligned_to = rnd() < 0.5 ? { objective: parent.id } : { key_result: pick(parent.key_results).id };
    }
    const key_results = [0, 1, 2].map((k) => {
      const start = Math.round(rnd() * 50);
      const target = start + 10 + Math.round(rnd() * 90);
      return {
        id: minted('kr', i * 3 + k),
        title: `${pick(WORDS)} ${pick(THINGS)} from ${start} to ${target}`,
        measure: 'number',
        start,
        target,
        unit_of_measure: 'points',
        weight: 1,
        // On the cycle's first days, so a check-in entered today is the latest.
        check_ins: [0, 1].map((c) => ({
          id: minted('ci', (i * 3 + k) * 2 + c),
          date: `2026-${cycle === 'q4' ? '10' : '07'}-0${1 + c}`,
          value: start + Math.round(rnd() * (target - start)),
          confidence: 0.7,
        })),
      };
    });
    const objective = {
      id: minted('o', i),
      title: `${pick(WORDS)} ${pick(THINGS)} for ${unit.name}`,
      unit: unit.id,
      cycle,
      commitment: rnd() < 0.6 ? 'committed' : 'aspirational',
      aligned_to,
      key_results,
    };
    objectives.push(objective);
    const key = `${unit.id}/${cycle}`;
    if (!byUnit.has(key)) byUnit.set(key, []);
    byUnit.get(key).push(objective);
  }

  const phases = [
    { id: 'ph-1', name: 'Leadership', start: '2026-10-01', end: '2026-12-31' },
    { id: 'ph-2', name: 'Departments', start: '2027-01-01', end: '2027-03-31' },
    { id: 'ph-3', name: 'Everyone', start: '2027-04-01', end: '2027-06-30' },
  ];
  const participation = [];
  units.forEach((u, i) => {
    phases.forEach((p, k) => {
      const status = depth[i] <= k + 1 ? 'active' : 'view_only';
      participation.push({ unit: u.id, phase: p.id, status });
    });
  });
  return {
    format: 'okrplan',
    schema_version: 1,
    meta: { name: `Benchmark plan (${objectiveCount} objectives)` },
    settings: { roll_up_aligned: true },
    cycles,
    units,
    objectives,
    rollout: {
      strategy: 'leadership_first',
      cadence: 'weekly',
      phases,
      participation,
      roles: [
        { id: 'r-1', role: 'executive_sponsor', person: 'Sponsor', unit: null },
        { id: 'r-2', role: 'champion', person: 'Champion', unit: null },
      ],
      readiness: [],
      events: [],
    },
  };
}
