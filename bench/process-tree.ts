/**
 * Runs a command and measures it as a CI runner would feel it: wall time,
 * the peak resident memory of its largest process, and the peak of the
 * whole process tree (the build and whatever it starts), sampled from /proc
 * every 100 ms (Linux only; elsewhere the memory figures are 0).
 */
import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';

export interface Measured {
  exitCode: number;
  stdout: string;
  stderr: string;
  wallMs: number;
  /** Peak RSS of the largest single process, bytes. */
  peakProcessBytes: number;
  /** Which process that was: its command name (`node`, `pagefind_extend`), as /proc gives it. */
  peakProcessName: string;
  /** Peak RSS of the whole process tree at one moment, bytes. */
  peakTreeBytes: number;
}

const PAGE = 4096;

export async function measureCommand(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<Measured> {
  const started = performance.now();
  const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let peakProcessBytes = 0;
  let peakProcessName = '';
  let peakTreeBytes = 0;
  let sampling = true;
  const sample = async () => {
    while (sampling) {
      const processes = await treeRss(child.pid!);
      for (const { name, bytes } of processes) {
        if (bytes <= peakProcessBytes) continue;
        peakProcessBytes = bytes;
        peakProcessName = name;
      }
      peakTreeBytes = Math.max(
        peakTreeBytes,
        processes.reduce((sum, { bytes }) => sum + bytes, 0),
      );
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  const sampler = sample();
  const exitCode = await new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? 1));
  });
  // Timed at the command's end: the sampler may still be asleep for up to 100 ms.
  const wallMs = performance.now() - started;
  sampling = false;
  await sampler;
  return { exitCode, stdout, stderr, wallMs, peakProcessBytes, peakProcessName, peakTreeBytes };
}

/** RSS in bytes, and command name, of `root` and every process below it. */
async function treeRss(root: number): Promise<{ name: string; bytes: number }[]> {
  let names: string[];
  try {
    names = (await readdir('/proc')).filter((name) => /^\d+$/.test(name));
  } catch {
    return [];
  }
  const parents = new Map<number, number>();
  const rss = new Map<number, number>();
  const commands = new Map<number, string>();
  await Promise.all(
    names.map(async (name) => {
      try {
        const stat = await readFile(`/proc/${name}/stat`, 'utf8');
        // Fields after the command name, which is in parentheses and may hold spaces.
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        parents.set(Number(name), Number(fields[1]));
        rss.set(Number(name), Number(fields[21]) * PAGE);
        commands.set(Number(name), stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')));
      } catch {
        // The process ended between listing and reading.
      }
    }),
  );
  const tree = new Set([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, parent] of parents) {
      if (!tree.has(pid) && tree.has(parent)) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  return [...tree].map((pid) => ({ name: commands.get(pid) ?? '?', bytes: rss.get(pid) ?? 0 }));
}
