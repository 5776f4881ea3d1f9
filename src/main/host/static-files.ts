/**
 * Serves the built renderer from one directory. Only GET/HEAD, only files inside the root (no
 * traversal, no symlink escape), only the types the bundle contains; anything else is 404.
 */
import { readFile, realpath } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wav': 'audio/wav',
  '.ogg': 'audio/ogg',
  '.json': 'application/json; charset=utf-8',
};

export function createStaticHandler(rootDir: string) {
  const root = resolve(rootDir);
  return async (req: IncomingMessage, res: ServerResponse, headers: Record<string, string>): Promise<void> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...headers, Allow: 'GET, HEAD' }).end();
      return;
    }
    const path = decodeURIComponentSafe(new URL(req.url ?? '/', 'http://host').pathname);
    const relative = path === '/' ? 'index.html' : path.replace(/^\/+/, '');
    const type = CONTENT_TYPES[extname(relative)];
    const candidate = resolve(join(root, relative));
    if (type === undefined || path.includes('\0') || !candidate.startsWith(root + sep)) {
      res.writeHead(404, headers).end();
      return;
    }
    try {
      const real = await realpath(candidate);
      if (!real.startsWith(root + sep)) throw new Error('outside root');
      const body = await readFile(real);
      res.writeHead(200, { ...headers, 'Content-Type': type, 'Content-Length': body.length });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, headers).end();
    }
  };
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return '\0';
  }
}
