/** Where the playbook's logo is served: the file lives in the content root and is copied to `<base>_latitude/logo.<ext>`. */
export const LOGO_FOLDER = '_latitude';

export function logoSitePath(logo: string): string {
  const match = /\.[a-z0-9]+$/i.exec(logo);
  return `/${LOGO_FOLDER}/logo${match ? match[0].toLowerCase() : ''}`;
}
