// Pagefind over the floor's built site, as Latitude indexes its own (Node API, after the build).
import * as pagefind from 'pagefind';

const dir = process.argv[2];
const { index } = await pagefind.createIndex({});
const added = await index.addDirectory({ path: dir });
if (added.errors.length) throw new Error(added.errors.join('; '));
await index.writeFiles({ outputPath: `${dir}/pagefind` });
await pagefind.close();
console.log(`Indexed ${added.page_count} pages`);
