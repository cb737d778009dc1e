// A headless stand-in for the system browser: follows the provider's redirects, fills in its login form and
// confirms its consent page as a person would, and ends at the laptop's loopback redirect.

function cookieHeader(jar: Map<string, string>): string {
  return [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
}

function remember(jar: Map<string, string>, response: Response): void {
  for (const cookie of response.headers.getSetCookie()) {
    const [pair = ''] = cookie.split(';');
    const at = pair.indexOf('=');
    if (at > 0) jar.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
  }
}

/** The form on a provider page: where it posts, and its hidden fields. */
function formOf(html: string, page: URL): { action: URL; fields: Record<string, string> } | null {
  const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
  if (!action) return null;
  const fields: Record<string, string> = {};
  for (const match of html.matchAll(/<input[^>]*type="hidden"[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g)) fields[match[1] ?? ''] = match[2] ?? '';
  return { action: new URL(action.replace(/&amp;/g, '&'), page), fields };
}

/**
 * Opens `url` as the browser would and signs in as `login`. Resolves with the last page's text (the laptop's
 * «you can close this window» page) once the redirect to the laptop has been followed.
 */
export async function signInAtProvider(url: string, login: string): Promise<string> {
  const jar = new Map<string, string>();
  let next = new URL(url);
  let init: RequestInit = {};
  for (let step = 0; step < 20; step++) {
    const response = await fetch(next, { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string>), cookie: cookieHeader(jar) } });
    remember(jar, response);
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      next = new URL(location, next);
      init = {};
      continue;
    }
    const html = await response.text();
    const form = response.ok ? formOf(html, next) : null;
    if (!form) return html;
    const fields = html.includes('name="login"') ? { ...form.fields, login, password: 'testkode' } : form.fields;
    next = form.action;
    init = { method: 'POST', body: new URLSearchParams(fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } };
  }
  throw new Error('Udbyderens login sluttede ikke efter 20 sider');
}
