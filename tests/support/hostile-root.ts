/**
 * Hostile content laid over the valid fixture root and run through the
 * validator in process: each test makes changes to a fresh copy and reads
 * the findings as "file:line:column severity rule: message | hint".
 */
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { validateContentRoot } from '../../src/lib/validator/validate-content-root.ts';
import { VALID_ROOT } from './bad-input.ts';

export const TODAY = '2026-11-23';
const roots: string[] = [];

/** Removes every root made since the last call (call it in afterEach). */
export async function removeRoots(): Promise<void> {
  for (const root of roots.splice(0)) await rm(root, { recursive: true, force: true });
}

export type Change = (root: string) => Promise<void>;

export const edit =
  (file: string, change: (text: string) => string): Change =>
  async (root) => {
    const target = path.join(root, file);
    await writeFile(target, change(await readFile(target, 'utf8')));
  };

export const put =
  (file: string, content: string | Uint8Array): Change =>
  async (root) => {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), content);
  };

/** A copy of the valid root with the changes made; removed by `removeRoots`. */
export async function hostileRoot(...changes: Change[]): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'latitude-hostile-'));
  roots.push(root);
  await cp(VALID_ROOT, root, { recursive: true });
  for (const change of changes) await change(root);
  return root;
}

/** The validator's findings for the valid root with the changes made, as "file:line:column severity rule: message | hint". */
export async function findings(...changes: Change[]): Promise<string[]> {
  const root = await hostileRoot(...changes);
  const report = await validateContentRoot(root, { today: TODAY });
  return report.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.rule}: ${d.message} | ${d.hint ?? ''}`);
}
