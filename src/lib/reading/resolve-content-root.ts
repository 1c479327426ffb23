/** Where the content root is: `--content`, else `PLAYBOOK_CONTENT_DIR`, else `content/`. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project's own folder (where package.json is), whatever the working directory. */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export interface ContentRootOptions {
  /** A `--content` flag, relative to `invocationDir`. */
  flag?: string | undefined;
  env?: NodeJS.ProcessEnv;
  /** Where the person typed the command (npm's INIT_CWD), for relative flags. */
  invocationDir?: string;
  projectRoot?: string;
}

/** Where the person typed the command: npm runs scripts in the project folder and says where it was called from in INIT_CWD. */
export function invocationDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.INIT_CWD || process.cwd();
}

export function resolveContentRoot(options: ContentRootOptions = {}): string {
  const projectRoot = options.projectRoot ?? PROJECT_ROOT;
  const env = options.env ?? process.env;
  if (options.flag) return path.resolve(options.invocationDir ?? invocationDir(env), options.flag);
  // The environment variable is relative to the project root, as documented.
  const fromEnv = env.PLAYBOOK_CONTENT_DIR;
  if (fromEnv) return path.resolve(projectRoot, fromEnv);
  return path.join(projectRoot, 'content');
}
