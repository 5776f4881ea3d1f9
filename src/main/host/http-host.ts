/**
 * The browser host's server: the built renderer over HTTP and window.kiosk over a WebSocket, on
 * 127.0.0.1 only, with a token made fresh at every launch. The token travels in the URL fragment
 * (#token=…), which browsers never send in requests, so it does not appear in any access log.
 */
import { createServer } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { KioskCore } from '../core/kiosk-core.js';
import type { Logger } from '../core/logger.js';
import type { CameraFrameSink } from '../core/camera-frames.js';
import { contentSecurityPolicy } from '../core/content-security-policy.js';
import { createStaticHandler } from './static-files.js';
import { attachKioskSocket } from './socket-server.js';
import type { AdminService } from '../ops/admin-service.js';

export interface HttpHostOptions {
  core: KioskCore;
  rendererDir: string;
  log: Logger;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Where camera frames go (the running kiosk's face port); without it frames are dropped. */
  frames?: CameraFrameSink;
  /** The staff/admin channel (src/main/ops/admin-service.ts); without it admin requests are refused. */
  admin?: AdminService;
}

export interface RunningHost {
  /** The URL to open, including the token fragment. */
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const LOOPBACK = '127.0.0.1';

export async function startHttpHost(options: HttpHostOptions): Promise<RunningHost> {
  const token = randomBytes(32).toString('base64url');
  const server = createServer();
  let hosts: string[] = [];
  const serveStatic = createStaticHandler(options.rendererDir);

  server.on('request', (req, res) => {
    const headers = {
      'Content-Security-Policy': contentSecurityPolicy(),
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Permissions-Policy': 'camera=(self), microphone=(), geolocation=()',
    };
    // DNS rebinding: a page on another name that resolves to 127.0.0.1 gets nothing.
    if (!hosts.includes(req.headers.host ?? '')) {
      res.writeHead(403, headers).end();
      return;
    }
    serveStatic(req, res, headers).catch((err: unknown) => {
      options.log.error({ err }, 'static file handler failed');
      if (!res.headersSent) res.writeHead(500, headers);
      res.end();
    });
  });

  const socket = attachKioskSocket(server, options.core, { token, hosts: () => hosts }, options.log, options.frames, options.admin);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, LOOPBACK, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  hosts = [`${LOOPBACK}:${port}`, `localhost:${port}`];

  return {
    url: `http://${LOOPBACK}:${port}/#token=${token}`,
    port,
    token,
    async close() {
      await socket.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
