/** Schema for `roles/<id>.yaml`: who decides. One role per file. */
import { z } from 'zod';
import { entryId, status, text } from './common.ts';

export const roleSchema = z.strictObject({
  /** The role's name as people say it: "Front-line agent". */
  title: text,
  /** What the role is, in a sentence. */
  summary: text.optional(),
  /** Team or department; a search filter. */
  team: text.optional(),
  /** Role id that decisions go to when they exceed this role's authority. */
  escalatesTo: entryId.optional(),
  /** `draft` (appears nowhere), `published` (default) or `retired` (page only). */
  status,
});

export type RoleInput = z.input<typeof roleSchema>;
export type RoleData = z.output<typeof roleSchema>;
