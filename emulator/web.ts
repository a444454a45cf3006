/** github.com's pages that Hangar links to: avatars, a codespace's page, and anything else (explained). */
import { html } from './http';
import { avatarSvg, emulatorPage, handleOAuth } from './oauth';
import type { SurfaceHandler } from './state';

export const handleWeb: SurfaceHandler = async (state, req, url, path, who) => {
  const oauth = await handleOAuth(state, req, url, path, who);
  if (oauth) return oauth;

  const avatar = /^\/avatars\/([A-Za-z0-9-]{1,39})\.svg$/.exec(path);
  if (avatar && req.method === 'GET') {
    return new Response(avatarSvg(avatar[1]!), { headers: { 'content-type': 'image/svg+xml', 'cache-control': 'public, max-age=86400' } });
  }

  const codespacePage = /^\/codespaces\/([A-Za-z0-9._-]+)$/.exec(path);
  if (codespacePage && req.method === 'GET') {
    const cs = state.world.codespaces.get(codespacePage[1]!);
    if (!cs) return html(emulatorPage('Codespace not found', 'It may have been deleted.'), 404);
    return html(
      emulatorPage(
        `${cs.displayName}`,
        `On GitHub, this link opens the codespace ${cs.name} in VS Code for the Web. The emulator has no editor to show.`,
      ),
    );
  }

  if (req.method === 'GET' && path !== '/') {
    return html(emulatorPage('GitHub emulator', `In demo mode there is no github.com: this link would open ${path} there.`), 404);
  }
  return html(emulatorPage('GitHub emulator', 'OAuth lives under /login/oauth/, the REST API under /api/.'), path === '/' ? 200 : 404);
};
