// Signing in to Hangar as an emulator user, without a browser.

/** A tiny cookie jar: name → value, from Set-Cookie headers. */
class CookieJar {
  cookies = new Map();
  take(response) {
    for (const line of response.headers.getSetCookie?.() ?? []) {
      const [pair] = line.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      if (/max-age=0|expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

/**
 * Signs in to Hangar through the real OAuth web flow, with fetch instead of a browser:
 * Hangar's sign-in → the emulator's authorize form, answered as `login` → Hangar's callback.
 * Returns the session cookie (`name=value`). `scope` asks for other scopes than Hangar's own, as the
 * organisation view's consent screen does (`… admin:org`).
 */
export async function signIn(appUrl, login, { scope } = {}) {
  const jar = new CookieJar();
  const csrf = await fetch(`${appUrl}/api/auth/csrf`);
  jar.take(csrf);
  const { csrfToken } = await csrf.json();
  // next-auth passes the sign-in's query on to GitHub's authorize URL (signIn's authorizationParams).
  const query = scope ? `?${new URLSearchParams({ scope })}` : '';
  const start = await fetch(`${appUrl}/api/auth/signin/github${query}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.header() },
    body: new URLSearchParams({ csrfToken, callbackUrl: `${appUrl}/`, json: 'true' }),
  });
  jar.take(start);
  const authorize = new URL((await start.json()).url);
  // The emulator's authorize page: a form with the request's parameters and this browser's CSRF
  // token (a hidden field, and a cookie), posted back with the chosen account.
  const page = await fetch(authorize, { redirect: 'manual' });
  const html = await page.text();
  const unescape = (value) =>
    value.replace(/&(amp|lt|gt|quot|#39);/g, (_, name) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[name]);
  const form = new URLSearchParams();
  for (const [, name, value] of html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g))
    form.append(unescape(name), unescape(value));
  form.set('login', login);
  const approved = await fetch(`${authorize.origin}${authorize.pathname}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: page.headers.get('set-cookie')?.split(';')[0] ?? '' },
    body: form,
  });
  const callback = approved.headers.get('location');
  if (!callback) throw new Error(`Authorize answered ${approved.status} without a redirect`);
  const back = await fetch(callback, { redirect: 'manual', headers: { cookie: jar.header() } });
  jar.take(back);
  const session = [...jar.cookies].find(([name]) => name.endsWith('next-auth.session-token'));
  if (!session) throw new Error(`Sign-in as ${login} gave no session (callback answered ${back.status})`);
  return `${session[0]}=${session[1]}`;
}
