/** "Edit this page": the playbook's editUrl with the entry's path inside the content root appended. */
export function editLink(editUrl: string | undefined, file: string): string | undefined {
  if (!editUrl || !file) return undefined;
  const base = editUrl.endsWith('/') ? editUrl : `${editUrl}/`;
  return `${base}${file.split('/').map(encodeURIComponent).join('/')}`;
}
