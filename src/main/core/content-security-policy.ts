/**
 * The kiosk's Content-Security-Policy, one definition for both shells: the browser host sends it
 * as a header, Electron sets it on every response of the kiosk window. Nothing remote may load:
 * scripts, styles and fonts come from the bundle; images only from the bundle or data: URLs (the
 * chip photo shown to staff during 目視); the camera preview is a local MediaStream.
 */
export function contentSecurityPolicy(options: { socketOrigin?: string } = {}): string {
  const connect = ["'self'", ...(options.socketOrigin ? [options.socketOrigin] : [])];
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "font-src 'self'",
    "img-src 'self' data: blob:",
    "media-src 'self' blob: mediastream:",
    `connect-src ${connect.join(' ')}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}
