import fs from 'node:fs';
import os from 'node:os';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** CPU ticks (user + system) in a /proc/<pid>/stat line; the command name, in parentheses, may hold spaces. */
function ticksOfStat(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

/**
 * Samples a process's CPU time and resident memory from /proc while a scenario runs (Linux only).
 * CPU is reported as a share of one core; memory as the peak RSS seen, and the RSS at the start
 * and at the end, whose difference over a long run shows growth.
 */
export function meterProcess(pid: number, intervalMs = 200) {
  const cpuTicks = () => ticksOfStat(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  const rssMb = () => {
    const line = fs.readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
    return Number(line?.replace(/\D+/g, '') ?? 0) / 1024;
  };
  const startTicks = cpuTicks();
  const startedAt = Date.now();
  const startRssMb = rssMb();
  let peakRssMb = startRssMb;
  const timer = setInterval(() => {
    try {
      peakRssMb = Math.max(peakRssMb, rssMb());
    } catch {
      // The process ended between samples.
    }
  }, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      const seconds = (Date.now() - startedAt) / 1000;
      const cpuCores = (cpuTicks() - startTicks) / TICKS_PER_SECOND / seconds;
      const endRssMb = rssMb();
      return {
        cpuPercentOfCore: Math.round(cpuCores * 100),
        peakRssMb: Math.round(Math.max(peakRssMb, endRssMb)),
        startRssMb: Math.round(startRssMb),
        endRssMb: Math.round(endRssMb),
        cores: os.cpus().length,
      };
    },
  };
}

/** CPU ticks (user + system) of every live process whose command name is `name`, by pid. */
function ticksOfProcessesNamed(name: string): Map<number, number> {
  const ticks = new Map<number, number>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')) !== name) continue;
      ticks.set(Number(entry), ticksOfStat(stat));
    } catch {
      // The process ended while the list was read.
    }
  }
  return ticks;
}

/**
 * The CPU of every process named `name` over a window, as a share of one core: for PostgreSQL, its
 * backends (one per connection, started before or during the window) and its background workers.
 * A backend that exits within the window loses its ticks; the pools measured here keep theirs open.
 */
export function meterProcessesNamed(name: string) {
  const start = ticksOfProcessesNamed(name);
  const startedAt = Date.now();
  return {
    stop(): { cpuPercentOfCore: number } {
      const seconds = (Date.now() - startedAt) / 1000;
      let ticks = 0;
      for (const [pid, now] of ticksOfProcessesNamed(name)) ticks += now - (start.get(pid) ?? 0);
      return { cpuPercentOfCore: Math.round((ticks / TICKS_PER_SECOND / seconds) * 100) };
    },
  };
}
