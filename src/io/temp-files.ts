// Temporary files of atomic writes: `<name>.<pid>.tmp` in the output folder. Each
// is registered while it exists, so SIGINT/SIGTERM can remove it before the
// process ends; one left by a killed run (its pid no longer running) is removed by
// the next run that writes into that folder.
import { rmSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

const live = new Set<string>();

export function tempPathFor(path: string): string {
  return `${path}.${process.pid}.tmp`;
}

export function registerTemp(path: string): void {
  live.add(path);
}

export function releaseTemp(path: string): void {
  live.delete(path);
}

/** Removes the temporary files still being written (synchronously: called as the process ends). */
export function removeLiveTemps(): void {
  for (const path of live) rmSync(path, { force: true });
  live.clear();
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes `*.<pid>.tmp` files of runs that are no longer running. */
export async function removeStaleTemps(folder: string): Promise<string[]> {
  const names = await readdir(folder).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    const m = /\.(\d+)\.tmp$/.exec(name);
    if (!m) continue;
    const pid = Number(m[1]);
    if (pid === process.pid || running(pid)) continue;
    await rm(join(folder, name), { force: true });
    removed.push(name);
  }
  return removed;
}
