import fs from 'node:fs';
import os from 'node:os';

/**
 * Samples a process's CPU time and resident memory from /proc while a scenario runs (Linux only).
 * CPU is reported as a share of one core; memory as the peak RSS seen, and the RSS at the start
 * and at the end, whose difference over a long run shows growth.
 */
export function meterProcess(pid: number, intervalMs = 200) {
  const ticksPerSecond = 100; // USER_HZ on Linux
  const cpuTicks = () => {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return Number(fields[11]) + Number(fields[12]); // utime + stime
  };
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
      const cpuCores = (cpuTicks() - startTicks) / ticksPerSecond / seconds;
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
