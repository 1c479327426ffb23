/**
 * Lists the files of a content root, collection by collection. Ids come from
 * file names; sub-folders are for authors' tidiness only.
 */
import type { Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { COLLECTIONS, COLLECTION_NAMES, PLAYBOOK_FILE, type CollectionName } from '../../../schemas/index.ts';
import { closestMatch } from '../diagnostics/did-you-mean.ts';
import type { Finding } from '../diagnostics/diagnostic.ts';
import { finding, MESSAGES, TOP } from '../diagnostics/catalogue.ts';
import { pathNameProblem, posixRelative, type NameProblem } from './paths.ts';

export interface SourceFile {
  collection: CollectionName | 'playbook';
  /** File name without extension. */
  id: string;
  /** Path relative to the content root, with `/` separators. */
  file: string;
  absolutePath: string;
}

export interface ContentRootScan {
  playbook: SourceFile | undefined;
  /** playbook.yaml is there, but as a link or not as a file (a finding says so). */
  playbookLinked?: boolean;
  entries: Record<CollectionName, SourceFile[]>;
  findings: Finding[];
}

/** Folders a content root may hold besides the collections. */
const OTHER_FOLDERS = new Set(['assets', 'translations']);

/**
 * `under`: a folder of the root that holds collections of its own (a
 * language's translations, `translations/fr-CA`); its files are still named
 * relative to the root, and it has no playbook.yaml.
 */
export async function scanContentRoot(root: string, under = ''): Promise<ContentRootScan> {
  const findings: Finding[] = [];
  const entries = Object.fromEntries(COLLECTION_NAMES.map((name) => [name, [] as SourceFile[]])) as Record<CollectionName, SourceFile[]>;
  let top: Dirent[];
  try {
    top = await readdir(path.join(root, under), { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    findings.push(finding(MESSAGES['content-root'], 'unreadable', { file: under || '.', position: TOP }, { code }));
    return { playbook: undefined, entries, findings };
  }
  const folders = new Map<string, CollectionName>(COLLECTION_NAMES.map((name) => [COLLECTIONS[name].folder, name]));

  let playbook: SourceFile | undefined;
  /** Folders and files of the root that are links: reported once, never read. */
  const linked = new Set<string>();
  for (const item of top) {
    const linkable = folders.has(item.name) || (!under && (item.name === PLAYBOOK_FILE || OTHER_FOLDERS.has(item.name)));
    if (item.isSymbolicLink() && linkable) {
      // A link can lead anywhere on the build machine, another organisation's content included.
      linked.add(item.name);
      findings.push(
        linkFinding(item.name === PLAYBOOK_FILE ? PLAYBOOK_FILE : `${path.posix.join(under, item.name)}/`, item.name === PLAYBOOK_FILE ? 'file' : 'folder'),
      );
    } else if (under) {
      // A language's folder: no settings file; interface.yaml and synonyms.yaml are read by scan-translations.ts.
    } else if (item.isFile() && item.name === PLAYBOOK_FILE) {
      playbook = { collection: 'playbook', id: 'playbook', file: PLAYBOOK_FILE, absolutePath: path.join(root, PLAYBOOK_FILE) };
    } else if (item.name === PLAYBOOK_FILE) {
      linked.add(item.name);
      findings.push(finding(MESSAGES['file-type'], 'playbook-not-file', { file: PLAYBOOK_FILE, position: TOP }));
    } else if (item.isFile() && item.name === 'playbook.yml') {
      findings.push(finding(MESSAGES['file-name'], 'playbook-yml', { file: item.name, position: TOP }));
    } else if (item.isDirectory() && !folders.has(item.name) && !OTHER_FOLDERS.has(item.name) && !item.name.startsWith('.')) {
      // A misspelt collection folder would silently drop its entries.
      // Few, distinct folder names: a looser match catches singulars (boundary → boundaries).
      const near = closestMatch(item.name, folders.keys(), 3);
      if (near) {
        findings.push(finding(MESSAGES.folder, 'near-miss', { file: `${path.posix.join(under, item.name)}/`, position: TOP }, { name: item.name, near }));
      }
    }
  }

  for (const name of COLLECTION_NAMES) {
    const { extensions } = COLLECTIONS[name];
    if (linked.has(COLLECTIONS[name].folder)) continue;
    const folder = path.posix.join(under, COLLECTIONS[name].folder);
    const { files, links, others, problem } = await listFiles(root, folder);
    if (problem) {
      findings.push(finding(MESSAGES.folder, 'unreadable', { file: folder, position: TOP }, { folder, problem }));
    }
    // Pipes, sockets, devices, and folders named like entry files: nothing an editor means to publish.
    for (const { file, folder: isFolder } of others) {
      if (!isEntryPath(file.slice(folder.length + 1))) continue;
      if (isFolder && !(extensions as readonly string[]).includes(path.posix.extname(file))) continue;
      findings.push(
        isFolder
          ? finding(MESSAGES['file-type'], 'folder-named-like-file', { file, position: TOP }, { extension: path.posix.extname(file) })
          : finding(MESSAGES['file-type'], 'not-ordinary', { file, position: TOP }),
      );
    }
    // A link can lead anywhere on the build machine; Astro would follow it unchecked.
    for (const link of links) findings.push(linkFinding(link));
    const badNames = new Set<string>();
    for (const relative of files) {
      const extension = path.posix.extname(relative);
      const base = path.posix.basename(relative);
      if (!isEntryPath(relative.slice(folder.length + 1))) continue;
      // One rule for every name the build opens: a name a later step would break on is refused here.
      const named = pathNameProblem(relative);
      if (named) {
        if (!badNames.has(named.path)) findings.push(nameFinding(named));
        badNames.add(named.path);
        continue;
      }
      if (!(extensions as readonly string[]).includes(extension)) {
        findings.push(
          finding(
            MESSAGES['file-type'],
            'extension',
            { file: relative, position: TOP },
            { folder, extensions, renamed: `${base.slice(0, base.length - extension.length)}${extensions[0]}` },
          ),
        );
        continue;
      }
      entries[name].push({
        collection: name,
        id: base.slice(0, base.length - extension.length),
        file: relative,
        absolutePath: path.join(root, ...relative.split('/')),
      });
    }
  }
  // Pictures in assets/: every one is checked and may be published, so its name and path are held to the same rules.
  if (!linked.has('assets')) {
    // (Links in assets/ are reported by the picture check, on the field that names one where a field does.)
    const assets = await listFiles(root, 'assets');
    const badNames = new Set<string>();
    for (const relative of assets.files) {
      if (!IMAGE_FILE.test(relative)) continue;
      const named = pathNameProblem(relative);
      if (named && !badNames.has(named.path)) findings.push(nameFinding(named));
      if (named) badNames.add(named.path);
    }
  }
  return { playbook, entries, findings, playbookLinked: linked.has(PLAYBOOK_FILE) };
}

/** The picture files the build publishes from assets/ (see rules/images.ts). */
const IMAGE_FILE = /\.(jpe?g|png|webp|avif|gif|svg)$/i;

/** A link where a file or folder of content should be (`file` is its path in the root; a folder's ends in /). */
export function linkFinding(file: string, kind: 'file' | 'folder' | 'either' = 'either'): Finding {
  return finding(MESSAGES.symlink, kind, { file, position: TOP }, { file });
}

function nameFinding(named: NameProblem & { path: string }): Finding {
  return finding(MESSAGES['file-name'], 'name', { file: named.path, position: TOP }, { message: named.message, hint: named.hint });
}

/**
 * Whether a file inside a collection folder is an entry: no part of its path
 * (the file or any folder above it) starts with "." or "_". Editors keep
 * notes, templates and hidden folders that way; the build reads exactly this
 * list, so the validator and the site agree on what is published.
 */
export function isEntryPath(pathInCollection: string): boolean {
  return pathInCollection.split('/').every((part) => !part.startsWith('.') && !part.startsWith('_'));
}

/** Files and links found in a collection folder, relative to the content root. */
interface Listing {
  files: string[];
  links: string[];
  /** Folders, and things that are neither files, folders nor links (pipes, sockets, devices). */
  others: { file: string; folder: boolean }[];
  /** Why the folder itself could not be read. */
  problem?: string;
}

async function listFiles(root: string, folder: string): Promise<Listing> {
  let items;
  try {
    items = await readdir(path.join(root, folder), { recursive: true, withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { files: [], links: [], others: [] };
    return {
      files: [],
      links: [],
      others: [],
      problem:
        code === 'ENOTDIR' ? `${folder} is a file, but it must be a folder of entries` : `the folder ${folder}/ could not be read (${code ?? String(error)})`,
    };
  }
  const relative = (item: Dirent) => posixRelative(root, path.join(item.parentPath, item.name));
  return {
    files: items
      .filter((item) => item.isFile())
      .map(relative)
      .sort(),
    links: items
      .filter((item) => item.isSymbolicLink())
      .map(relative)
      .sort(),
    others: items
      .filter((item) => !item.isFile() && !item.isSymbolicLink())
      .map((item) => ({ file: relative(item), folder: item.isDirectory() }))
      .sort((a, b) => a.file.localeCompare(b.file)),
  };
}
