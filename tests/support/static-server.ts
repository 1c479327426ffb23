/**
 * Serves a built site from disk on 127.0.0.1, as a static host would:
 * `/x/` serves `x/index.html`, unknown paths get `404.html`, and an optional
 * base path is stripped. For browser tests only.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.json': 'application/json', '.xml': 'application/xml', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.webp': 'image/webp', '.avif': 'image/avif', '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream', '.pf_index': 'application/octet-stream', '.pf_fragment': 'application/octet-stream', '.pf_filter': 'application/octet-stream',
};

export interface StaticServer {
  /** `http://127.0.0.1:<port><base>` without a trailing slash. */
  url: string;
  close(): Promise<void>;
}

export async function serveStatic(root: string, base = '', headers: Record<string, string> = {}): Promise<StaticServer> {
  const server: Server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    let pathname = decodeURIComponent(url.pathname);
    if (base && pathname.startsWith(base)) pathname = pathname.slice(base.length) || '/';
    let file = path.join(root, path.normalize(pathname));
    if (!file.startsWith(root)) file = path.join(root, '404.html');
    try {
      const info = await stat(file);
      if (info.isDirectory()) file = path.join(file, 'index.html');
      await stat(file);
      response.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', ...headers });
    } catch {
      file = path.join(root, '404.html');
      response.writeHead(404, { 'content-type': TYPES['.html']!, ...headers });
    }
    createReadStream(file).on('error', () => response.end()).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
