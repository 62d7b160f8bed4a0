/** The parts of a V8 `.cpuprofile` (written by `node --cpu-prof`) that self time needs. */
export interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number }>;
  /** Microseconds on the monotonic clock, the one `process.hrtime` reads in every process of the machine. */
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** A span of the monotonic clock in microseconds, e.g. a scenario's measured window. */
export interface ClockWindow {
  fromUs: number;
  toUs: number;
}

/** Now on the monotonic clock in microseconds, comparable with a profile's sample times. */
export function monotonicNowUs(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

export interface SelfTimeEntry {
  /** `name (file:line)`, the file relative to the project or as `pkg/…` inside node_modules. */
  function: string;
  selfMs: number;
  /** Share of the busy time: everything but `(idle)`. */
  percent: number;
}

export interface ProfileSummary {
  busyMs: number;
  idleMs: number;
  top: SelfTimeEntry[];
  /** The same self time by package (`pg`, `fastify`…), project folder (`src/privacy`…) or V8 bucket. */
  areas: Array<{ area: string; selfMs: number; percent: number }>;
}

/** Where a function lives, short enough to read in a table: project files relative, packages by name. */
export function shortLocation(url: string, projectRoot: string): string {
  if (url === '') return '';
  const file = url.startsWith('file://') ? decodeURIComponent(url.slice('file://'.length)) : url;
  const inPackages = file.lastIndexOf('/node_modules/');
  if (inPackages !== -1) return file.slice(inPackages + '/node_modules/'.length);
  const root = projectRoot.endsWith('/') ? projectRoot : `${projectRoot}/`;
  return file.startsWith(root) ? file.slice(root.length) : file;
}

/** The package, the project folder two levels deep, Node's own code, or V8's bucket such as `(garbage collector)`. */
export function areaOf(location: string, name: string): string {
  if (location === '') return name.startsWith('(') ? name : '(native)';
  if (location.startsWith('node:')) return 'node internals';
  const segments = location.split('/');
  if (!location.startsWith('/') && !location.startsWith('src/') && !location.startsWith('bench/') && !location.startsWith('simulators/')) {
    return location.startsWith('@') ? segments.slice(0, 2).join('/') : (segments[0] as string);
  }
  return segments.slice(0, 2).join('/');
}

/**
 * Self time per function (the time the function itself was on top of the stack), summed over every
 * node of the call tree that is the same function, largest first. Each sample is charged the time
 * delta V8 recorded with it; with a window, only samples taken inside it count.
 */
export function summariseCpuProfile(profile: CpuProfile, projectRoot: string, limit = 15, window?: ClockWindow): ProfileSummary {
  const nodeKeys = new Map<number, { fn: string; area: string }>();
  for (const node of profile.nodes) {
    const { functionName, url, lineNumber } = node.callFrame;
    const name = functionName === '' ? '(anonymous)' : functionName;
    const where = shortLocation(url, projectRoot);
    nodeKeys.set(node.id, { fn: where === '' ? name : `${name} (${where}:${lineNumber + 1})`, area: areaOf(where, name) });
  }
  const byFunction = new Map<string, number>();
  const byArea = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, us: number) => map.set(key, (map.get(key) ?? 0) + us);
  let at = profile.startTime;
  profile.samples.forEach((nodeId, index) => {
    const us = Math.max(0, profile.timeDeltas[index] ?? 0);
    at += profile.timeDeltas[index] ?? 0;
    // Start-up (module loading, migrations) and shutdown are not what a scenario measures.
    if (window && (at < window.fromUs || at > window.toUs)) return;
    const keys = nodeKeys.get(nodeId) ?? { fn: '(unknown)', area: '(unknown)' };
    add(byFunction, keys.fn, us);
    add(byArea, keys.area, us);
  });
  const idleUs = byFunction.get('(idle)') ?? 0;
  byFunction.delete('(idle)');
  byArea.delete('(idle)');
  const busyUs = [...byFunction.values()].reduce((sum, us) => sum + us, 0);
  const ranked = (map: Map<string, number>) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([key, us]) => ({ key, selfMs: Math.round(us / 1000), percent: busyUs === 0 ? 0 : Math.round((us / busyUs) * 1000) / 10 }));
  return {
    busyMs: Math.round(busyUs / 1000),
    idleMs: Math.round(idleUs / 1000),
    top: ranked(byFunction).map(({ key, ...rest }) => ({ function: key, ...rest })),
    areas: ranked(byArea).map(({ key, ...rest }) => ({ area: key, ...rest })),
  };
}
