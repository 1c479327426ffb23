/**
 * A GitHub Actions workflow as the workflow tests read it (only the fields
 * they look at), parsed from `.github/workflows/<name>`.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { PROJECT_ROOT } from './build-playbook.ts';

export interface Step {
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
export interface Job {
  permissions?: unknown;
  needs?: string | string[];
  if?: string;
  strategy?: { 'fail-fast'?: boolean; matrix: Record<string, unknown> };
  env?: Record<string, string>;
  outputs?: Record<string, string>;
  steps: Step[];
}
export interface Workflow {
  on: Record<string, { branches?: string[]; inputs?: Record<string, { type: string; default: unknown }> } | null>;
  permissions: Record<string, string>;
  jobs: Record<string, Job>;
}

/** The workflow's text and what it parses to. */
export async function readWorkflow(name: string): Promise<{ text: string; workflow: Workflow }> {
  const text = await readFile(path.join(PROJECT_ROOT, '.github/workflows', name), 'utf8');
  return { text, workflow: parse(text) as Workflow };
}
