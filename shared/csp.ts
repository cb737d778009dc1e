/**
 * The renderer's Content-Security-Policy, sent by the Electron protocol handler and by the test harness
 * alike: only the app's own scripts and styles, no eval, no inline script, no foreign connections.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
