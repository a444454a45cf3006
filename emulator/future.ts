/**
 * GitHub grows: it adds codespace states and fields before its OpenAPI description lists them,
 * and leaves optional fields out. A codespace with a `variant` (model.ts) is answered that way, so
 * a client can be seen to cope: showing a state it does not know as written, ignoring fields it
 * does not know, and showing what is missing as missing.
 */
import { guard } from './api';
import { errorBody } from './http';

// What GitHub does with an action on a state newer than the description is not documented: the
// emulator refuses what assumes a state (start, export) as it refuses them for a state that does
// not allow them, and lets the rest (stop does nothing, rename, delete) through.
guard((ctx, { method, template }, params) => {
  if (method !== 'POST') return null;
  const action =
    template === '/user/codespaces/{codespace_name}/start'
      ? 'started'
      : template === '/user/codespaces/{codespace_name}/exports'
        ? 'exported'
        : null;
  if (!action) return null;
  const cs = ctx.world.codespaces.get(params.codespace_name ?? '');
  const state = cs?.owner === ctx.user.login ? cs.variant?.state : undefined;
  if (state === undefined) return null;
  const status = action === 'started' ? 409 : 422;
  return { status, body: errorBody(status, `The codespace cannot be ${action} while it is ${state}.`) };
});
