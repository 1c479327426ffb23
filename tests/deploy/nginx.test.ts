/**
 * deploy/nginx.conf, run: Debian's nginx starts on a random loopback port
 * with the template filled in (pid, logs and temp files in a temporary
 * folder, `daemon off` as a child of this test), in front of a fresh build
 * of a small fixture. Two ways in, as the template offers them:
 *
 * - basic auth (the stand-in), with a password file made here: nothing is
 *   served without the password — not the pages, the search index, the
 *   scripts, the feeds or the 404 page — and everything is with it, with
 *   the security headers and cache rules;
 * - single sign-on through auth_request, under PLAYBOOK_BASE=/playbook, with
 *   a stand-in gateway that answers like oauth2-proxy (202 or 401).
 *
 * nginx must be installed: `npm test` (its pretest step) installs it or says how.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VALID_ROOT } from '../support/bad-input.ts';
import { buildPlaybook, PROJECT_ROOT, type BuildResult } from '../support/build-playbook.ts';
import { launchBrowser } from '../support/browser.ts';
import { filesIn } from '../support/built-site.ts';
import { requireProgram } from '../support/prerequisites.ts';

const TEMPLATE = path.join(PROJECT_ROOT, 'deploy/nginx.conf');
const USER = 'editor';
const PASSWORD = 'correct horse battery staple';
const SIGNED_IN = '_oauth2_proxy=signed-in';

type Variant = 'basic' | 'sso';

/** The template with its placeholders filled, and the sign-in lines of one variant switched on. */
function fillTemplate(template: string, values: Record<string, string>, variant: Variant): string {
  const lines = template.split('\n');
  expect(lines.filter((line) => /#\s*sso\s*$/.test(line))).toHaveLength(2);
  expect(lines.filter((line) => /#\s*basic\s*$/.test(line))).toHaveLength(2);
  const switched = lines.map((line) => {
    if (variant === 'basic' && /#\s*sso\s*$/.test(line)) return line.replace(/^(\s*)/, '$1# ');
    if (variant === 'basic' && /#\s*basic\s*$/.test(line)) return line.replace(/^(\s*)#\s?/, '$1');
    return line;
  });
  let filled = switched.join('\n');
  for (const [name, value] of Object.entries(values)) filled = filled.replaceAll(`@${name}@`, value);
  // Only the comments above may still name a placeholder.
  expect(filled.split('\n').filter((line) => !line.trim().startsWith('#') && /@[A-Z_]+@/.test(line))).toEqual([]);
  return filled;
}

/** A free port on 127.0.0.1. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

interface RunningNginx {
  url: string;
  process: ChildProcess;
  log: () => Promise<string>;
}

/** Starts nginx in the foreground with the filled template; checks the configuration first. */
async function startNginx(nginx: string, work: string, server: string): Promise<RunningNginx> {
  await mkdir(work, { recursive: true });
  const port = Number(/listen 127\.0\.0\.1:(\d+)/.exec(server)?.[1]);
  const mimeTypes = existsSync('/etc/nginx/mime.types') ? 'include /etc/nginx/mime.types;' : '';
  const conf = path.join(work, 'nginx.conf');
  await writeFile(path.join(work, 'playbook.conf'), server);
  await writeFile(
    conf,
    `daemon off;
master_process off;
pid ${work}/nginx.pid;
error_log ${work}/error.log warn;
events { worker_connections 64; }
http {
  ${mimeTypes}
  default_type application/octet-stream;
  access_log off;
  client_body_temp_path ${work}/client_body;
  proxy_temp_path ${work}/proxy;
  fastcgi_temp_path ${work}/fastcgi;
  uwsgi_temp_path ${work}/uwsgi;
  scgi_temp_path ${work}/scgi;
  include ${work}/playbook.conf;
}
`,
  );
  const args = ['-p', work, '-c', conf, '-e', path.join(work, 'error.log')];
  const check = spawnSync(nginx, ['-t', ...args], { encoding: 'utf8' });
  expect(check.status, `nginx -t:\n${check.stderr}`).toBe(0);
  const child = spawn(nginx, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt++) {
    if (child.exitCode !== null) throw new Error(`nginx stopped at start (${child.exitCode}):\n${stderr}`);
    try {
      await fetch(url, { redirect: 'manual' });
      break;
    } catch {
      if (attempt > 100) throw new Error(`nginx did not answer on ${url}:\n${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  return { url, process: child, log: async () => `${stderr}${await readFile(path.join(work, 'error.log'), 'utf8').catch(() => '')}` };
}

async function stopNginx(running: RunningNginx | undefined): Promise<void> {
  const child = running?.process;
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** An nginx password file entry: salted SHA-1 ({SSHA}), which nginx reads without any extra tool. */
function htpasswdLine(user: string, password: string): string {
  const salt = randomBytes(8);
  const digest = createHash('sha1').update(password).update(salt).digest();
  return `${user}:{SSHA}${Buffer.concat([digest, salt]).toString('base64')}\n`;
}

const basicAuth = (user: string, password: string) => ({ authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` });

const SECURITY_HEADERS: Record<string, RegExp> = {
  'content-security-policy': /frame-ancestors 'none'/,
  'x-frame-options': /^DENY$/,
  'x-content-type-options': /^nosniff$/,
  'referrer-policy': /^same-origin$/,
  'permissions-policy': /camera=\(\)/,
  'cross-origin-opener-policy': /^same-origin$/,
};

function expectSecurityHeaders(response: Response, where: string): void {
  for (const [name, pattern] of Object.entries(SECURITY_HEADERS)) expect(response.headers.get(name) ?? '', `${where}: ${name}`).toMatch(pattern);
  expect(response.headers.get('server') ?? '', `${where}: server`).not.toMatch(/\d/);
}

let nginxBinary: string;
let work: string;
let plain: BuildResult;
let based: BuildResult;
let astroFile: string;

beforeAll(async () => {
  nginxBinary = requireProgram('nginx');
  work = await mkdtemp(path.join(os.tmpdir(), 'latitude-nginx-'));
  plain = await buildPlaybook(VALID_ROOT);
  based = await buildPlaybook(VALID_ROOT, { env: { PLAYBOOK_BASE: '/playbook' } });
  for (const result of [plain, based]) {
    if (result.exitCode !== 0) throw new Error(`build failed:\n${result.stdout}\n${result.stderr}`);
  }
  astroFile = (await filesIn(plain.outDir)).find((file) => file.startsWith('_astro/'))!;
  expect(astroFile, 'the build has files in _astro/').toBeDefined();
});

afterAll(async () => {
  await plain?.cleanup();
  await based?.cleanup();
  if (work) await rm(work, { recursive: true, force: true });
});

describe('basic auth (the stand-in), site at /', () => {
  let nginx: RunningNginx | undefined;

  beforeAll(async () => {
    const htpasswd = path.join(work, 'basic', 'playbook.htpasswd');
    await mkdir(path.dirname(htpasswd), { recursive: true });
    await writeFile(htpasswd, htpasswdLine(USER, PASSWORD));
    const template = await readFile(TEMPLATE, 'utf8');
    const server = fillTemplate(
      template,
      {
        LISTEN: `127.0.0.1:${await freePort()}`,
        SERVER_NAME: 'localhost',
        ROOT: plain.outDir,
        BASE: '/',
        SSO: 'http://127.0.0.1:9',
        HTPASSWD: htpasswd,
      },
      'basic',
    );
    nginx = await startNginx(nginxBinary, path.join(work, 'basic'), server);
  });

  afterAll(() => stopNginx(nginx));

  const protectedPaths = () => [
    '/',
    '/values/own-the-outcome/',
    '/pagefind/core/pagefind.js',
    '/pagefind/core/pagefind-entry.json',
    `/${astroFile}`,
    '/wins/rss.xml',
    '/404.html',
    '/no-such-page/',
    '/oauth2/sign_in',
  ];

  it('answers 401 to everything without credentials, with the security headers', async () => {
    for (const url of protectedPaths()) {
      const response = await fetch(`${nginx!.url}${url}`, { redirect: 'manual' });
      expect(response.status, url).toBe(401);
      expect(response.headers.get('www-authenticate'), url).toMatch(/^Basic realm="Culture playbook"/);
      const body = await response.text();
      expect(body, url).not.toContain('Fixture Outfitters');
      expectSecurityHeaders(response, url);
    }
  });

  it('answers 401 to a wrong password', async () => {
    const response = await fetch(`${nginx!.url}/`, { headers: basicAuth(USER, 'wrong') });
    expect(response.status).toBe(401);
  });

  it('serves the site, the search index and the scripts with credentials, with the security headers', async () => {
    for (const url of ['/', '/values/own-the-outcome/', '/pagefind/core/pagefind.js', '/pagefind/core/pagefind-entry.json', `/${astroFile}`, '/wins/rss.xml']) {
      const response = await fetch(`${nginx!.url}${url}`, { headers: basicAuth(USER, PASSWORD), redirect: 'manual' });
      expect(response.status, `${url}\n${await nginx!.log()}`).toBe(200);
      expectSecurityHeaders(response, url);
    }
    const home = await fetch(`${nginx!.url}/`, { headers: basicAuth(USER, PASSWORD) });
    expect(home.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await home.text()).toContain('<meta http-equiv="content-security-policy"');
  });

  it('lets browsers keep hashed files for a year and revalidate everything else, never in shared caches', async () => {
    const get = (url: string) => fetch(`${nginx!.url}${url}`, { headers: basicAuth(USER, PASSWORD) });
    expect((await get(`/${astroFile}`)).headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
    const fragment = (await filesIn(plain.outDir)).find((file) => /^pagefind\/[a-z0-9-]+\/fragment\//.test(file))!;
    expect((await get(`/${fragment}`)).headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
    for (const url of ['/', '/values/own-the-outcome/', '/pagefind/core/pagefind.js', '/pagefind/core/pagefind-entry.json', '/wins/rss.xml']) {
      expect((await get(url)).headers.get('cache-control'), url).toBe('private, no-cache');
    }
  });

  it("compresses the search engine's script and JSON, and sends Pagefind's own compressed files as they are", async () => {
    const get = (url: string) => fetch(`${nginx!.url}${url}`, { headers: { ...basicAuth(USER, PASSWORD), 'accept-encoding': 'gzip' } });
    for (const url of ['/pagefind/core/pagefind.js', '/pagefind/core/pagefind-entry.json', '/pagefind/parts.json'])
      expect((await get(url)).headers.get('content-encoding'), url).toBe('gzip');
    const files = await filesIn(plain.outDir);
    for (const file of [files.find((f) => /^pagefind\/core\/fragment\//.test(f))!, files.find((f) => /^pagefind\/core\/wasm\.[^/]+\.pagefind$/.test(f))!]) {
      const response = await get(`/${file}`);
      expect(response.headers.get('content-encoding'), file).toBeNull();
      expect(Buffer.from(await response.arrayBuffer()).equals(await readFile(path.join(plain.outDir, file))), file).toBe(true);
    }
  });

  it("gives unknown addresses the site's 404 page with status 404", async () => {
    const response = await fetch(`${nginx!.url}/no-such-page/`, { headers: basicAuth(USER, PASSWORD) });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const body = await response.text();
    expect(body).toBe(await readFile(path.join(plain.outDir, '404.html'), 'utf8'));
    expect(body).toContain('Page not found');
    expectSecurityHeaders(response, '404');
  });

  it('serves pictures with a policy that forbids script, and nosniff; an SVG opened directly in Chromium runs nothing', async () => {
    // Were a hostile SVG ever published (the validator refuses them), the headers still stop its script.
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" onload="document.documentElement.setAttribute(\'data-ran\', \'onload\')">' +
      '<script>document.documentElement.setAttribute("data-ran", "script")</script><rect width="10" height="10" style="fill: teal"/></svg>';
    await writeFile(path.join(plain.outDir, '_astro', 'hostile.svg'), svg);
    await writeFile(path.join(plain.outDir, 'hostile.svg'), svg);
    const picture = (await filesIn(plain.outDir)).find((file) => /\.(png|webp|jpe?g)$/.test(file))!;
    expect(picture, 'the build has a picture').toBeDefined();
    for (const url of ['/_astro/hostile.svg', '/hostile.svg', `/${picture}`]) {
      const response = await fetch(`${nginx!.url}${url}`, { headers: basicAuth(USER, PASSWORD) });
      expect(response.status, url).toBe(200);
      expect(response.headers.get('content-security-policy'), url).toMatch(/^default-src 'none'; style-src 'unsafe-inline';/);
      expect(response.headers.get('x-content-type-options'), url).toBe('nosniff');
      expect(response.headers.get('x-frame-options'), url).toBe('DENY');
    }
    const browser = await launchBrowser();
    try {
      const context = await browser.newContext({ httpCredentials: { username: USER, password: PASSWORD } });
      const page = await context.newPage();
      const violations: string[] = [];
      page.on('console', (message) => violations.push(message.text()));
      for (const url of ['/_astro/hostile.svg', '/hostile.svg']) {
        const response = await page.goto(`${nginx!.url}${url}`);
        expect(response?.status(), url).toBe(200);
        await page.waitForTimeout(200);
        expect(await page.evaluate(() => document.documentElement.getAttribute('data-ran')), url).toBeNull();
        expect(await page.evaluate(() => document.documentElement.localName), url).toBe('svg');
      }
      expect(violations.join('\n')).toMatch(/Content Security Policy/);
    } finally {
      await browser.close();
    }
  });

  it('redirects a folder without its slash to the same host', async () => {
    const response = await fetch(`${nginx!.url}/values`, { headers: basicAuth(USER, PASSWORD), redirect: 'manual' });
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('/values/');
  });
});

describe('single sign-on through auth_request, site under PLAYBOOK_BASE=/playbook', () => {
  let nginx: RunningNginx | undefined;
  let gateway: Server;
  const asked: string[] = [];

  beforeAll(async () => {
    // A stand-in for oauth2-proxy: /oauth2/auth says 202 to a signed-in cookie, 401 otherwise.
    gateway = createServer((request, response) => {
      const url = request.url ?? '/';
      if (url.startsWith('/oauth2/auth')) {
        asked.push(String(request.headers['x-forwarded-uri']));
        response.writeHead((request.headers.cookie ?? '').includes(SIGNED_IN) ? 202 : 401).end();
      } else if (url.startsWith('/oauth2/sign_in')) {
        response.writeHead(200, { 'content-type': 'text/html' }).end('<h1>Sign in with your company account</h1>');
      } else {
        response.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
    const sso = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}`;
    // With a base path, the site sits in a folder of that name under the root.
    const root = path.join(work, 'sso', 'www');
    await cp(based.outDir, path.join(root, 'playbook'), { recursive: true });
    const template = await readFile(TEMPLATE, 'utf8');
    const server = fillTemplate(
      template,
      {
        LISTEN: `127.0.0.1:${await freePort()}`,
        SERVER_NAME: 'localhost',
        ROOT: root,
        BASE: '/playbook/',
        SSO: sso,
        HTPASSWD: '/nonexistent',
      },
      'sso',
    );
    nginx = await startNginx(nginxBinary, path.join(work, 'sso'), server);
  });

  afterAll(async () => {
    await stopNginx(nginx);
    await new Promise<void>((resolve) => gateway?.close(() => resolve()));
  });

  it('sends a reader who is not signed in to the gateway, for every kind of file', async () => {
    for (const url of [
      '/playbook/',
      '/playbook/pagefind/core/pagefind.js',
      `/playbook/${astroFile}`,
      '/playbook/wins/rss.xml',
      '/playbook/no-such-page/',
      '/',
    ]) {
      const response = await fetch(`${nginx!.url}${url}`, { redirect: 'manual' });
      expect(response.status, url).toBe(302);
      expect(response.headers.get('location'), url).toBe(`/oauth2/sign_in?rd=http://${new URL(nginx!.url).host}${url}`);
      expect(await response.text(), url).not.toContain('Fixture Outfitters');
      expectSecurityHeaders(response, url);
    }
    expect(asked).toContain('/playbook/pagefind/core/pagefind.js');
  });

  it("lets the gateway's own sign-in page through", async () => {
    const response = await fetch(`${nginx!.url}/oauth2/sign_in`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Sign in with your company account');
  });

  it('serves the site under its base path to a signed-in reader', async () => {
    const headers = { cookie: SIGNED_IN };
    for (const url of ['/playbook/', '/playbook/values/own-the-outcome/', '/playbook/pagefind/core/pagefind.js', `/playbook/${astroFile}`]) {
      const response = await fetch(`${nginx!.url}${url}`, { headers, redirect: 'manual' });
      expect(response.status, `${url}\n${await nginx!.log()}`).toBe(200);
      expectSecurityHeaders(response, url);
    }
    expect(await (await fetch(`${nginx!.url}/playbook/`, { headers })).text()).toContain('href="/playbook/values/');
    const missing = await fetch(`${nginx!.url}/playbook/no-such-page/`, { headers });
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('Page not found');
    expect((await fetch(`${nginx!.url}/playbook/${astroFile}`, { headers })).headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
  });
});
