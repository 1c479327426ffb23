/**
 * playbook.yaml read before validation, for the few build steps that need one
 * setting early (the logo, `trustedMdx`). The validator reads and checks the
 * file properly and reports what is wrong with it; these readers only ever
 * fall back to "not set".
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { PLAYBOOK_FILE } from '../../../schemas/index.ts';
import { YAML_READ_OPTIONS } from './read-source.ts';

/** The top-level keys of the content root's playbook.yaml, unchecked; undefined when it is missing, unreadable or not a mapping. */
export function readPlaybookFileUnchecked(root: string): Record<string, unknown> | undefined {
  try {
    const settings: unknown = parse(readFileSync(path.join(root, PLAYBOOK_FILE), 'utf8'), YAML_READ_OPTIONS);
    return typeof settings === 'object' && settings !== null && !Array.isArray(settings) ? (settings as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
