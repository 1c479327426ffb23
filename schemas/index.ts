/**
 * The content model: one schema per collection, and where each collection
 * lives in a content root. Everything that reads content starts here.
 */
import type { z } from 'zod';
import { boundarySchema } from './boundary.ts';
import { caseStudySchema } from './case-study.ts';
import { guidelineSchema } from './guideline.ts';
import { roleSchema } from './role.ts';
import { valueSchema } from './value.ts';
import { winSchema } from './win.ts';

export * from './common.ts';
export * from './playbook.ts';
export * from './value.ts';
export * from './role.ts';
export * from './guideline.ts';
export * from './boundary.ts';
export * from './case-study.ts';
export * from './win.ts';
export * from './translation.ts';

/** A collection of a content root: its folder, the file kinds it takes and its schema. */
export interface CollectionDefinition {
  /** Folder under the content root, also the URL segment. */
  folder: string;
  /** File extensions accepted in the folder, with the dot. */
  extensions: readonly string[];
  /** `markdown` entries have frontmatter and a body; `data` entries are YAML only. */
  kind: 'markdown' | 'data';
  /** Singular label, as the site and search show it. */
  label: string;
  schema: z.ZodType;
}

const MARKDOWN = ['.md', '.mdx'] as const;

export const COLLECTIONS = {
  values: { folder: 'values', extensions: MARKDOWN, kind: 'markdown', label: 'Value', schema: valueSchema },
  roles: { folder: 'roles', extensions: ['.yaml', '.yml'], kind: 'data', label: 'Role', schema: roleSchema },
  guidelines: { folder: 'guidelines', extensions: MARKDOWN, kind: 'markdown', label: 'Guideline', schema: guidelineSchema },
  boundaries: { folder: 'boundaries', extensions: MARKDOWN, kind: 'markdown', label: 'Boundary', schema: boundarySchema },
  caseStudies: { folder: 'case-studies', extensions: MARKDOWN, kind: 'markdown', label: 'Case study', schema: caseStudySchema },
  wins: { folder: 'wins', extensions: MARKDOWN, kind: 'markdown', label: 'Win', schema: winSchema },
} as const satisfies Record<string, CollectionDefinition>;

export type CollectionName = keyof typeof COLLECTIONS;
export const COLLECTION_NAMES = Object.keys(COLLECTIONS) as CollectionName[];

/** The file every content root must have at its top. */
export const PLAYBOOK_FILE = 'playbook.yaml';
