import { CODESPACE_NAME } from './patterns';
import type { Codespace, CodespaceMachine } from './types';

/**
 * A machine change waiting for the codespace's next start. GitHub applies a new machine type to a
 * running codespace "the next time your codespace is started" (PATCH /user/codespaces/{name}), and
 * until then its answers, the PATCH's own included, still name the current machine: no field of
 * GitHub's codespace says a change is waiting (`pending_operation` is something else: an operation
 * during which the codespace can only be deleted). So Hangar remembers what it asked for, in this
 * browser, and shows it until GitHub's answer shows it applied. Pure.
 */
export interface MachineRequest {
  /** The machine type asked for, and its display name (what people read). */
  machine: string;
  displayName: string;
  /** The machine the codespace had when it was asked: another one means something else changed it. */
  from: string | null;
  /** When GitHub took the request (its `updated_at`; milliseconds). */
  at: number;
}

/** What this browser remembers: a request per codespace name. */
export type MachineRequests = Record<string, MachineRequest>;

/** Requests older than this are forgotten whatever became of them. */
export const MACHINE_REQUEST_TTL_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * What to remember after GitHub took a change to `chosen`: nothing when its answer already names
 * the chosen machine (a stopped codespace), the request otherwise.
 */
export function machineRequestAfter(
  answer: Pick<Codespace, 'machine' | 'updated_at'>,
  chosen: Pick<CodespaceMachine, 'name' | 'display_name'>,
  now: number,
): MachineRequest | null {
  if (answer.machine?.name === chosen.name) return null;
  const at = Date.parse(answer.updated_at);
  return { machine: chosen.name, displayName: chosen.display_name, from: answer.machine?.name ?? null, at: Number.isNaN(at) ? now : at };
}

/**
 * The change still waiting, if any: not once GitHub names the chosen machine (it applied), nor
 * once the codespace names another machine than it had (something else changed it), nor once it
 * has started and runs since the request still on its old one (GitHub did not apply it; its
 * `last_used_at` is "the last known time this codespace was started").
 */
export function pendingMachineChange(
  codespace: Pick<Codespace, 'machine' | 'state' | 'last_used_at'>,
  request: MachineRequest | null | undefined,
): MachineRequest | null {
  if (!request) return null;
  const current = codespace.machine?.name ?? null;
  if (current === request.machine || current !== request.from) return null;
  if (codespace.state === 'Available' && Date.parse(codespace.last_used_at) > request.at) return null;
  return request;
}

/** The words once GitHub took the change: they name the machine chosen, never the one GitHub's answer still shows. */
export function machineChangeNotice(title: string, chosen: Pick<CodespaceMachine, 'display_name'>): string {
  return `${title} will use ${chosen.display_name} from its next start`;
}

const text = (value: unknown, max: number): value is string => typeof value === 'string' && value.length >= 1 && value.length <= max;

/** One remembered request as this browser wrote it; anything else (an old format, a hand edit) is not one. */
function isMachineRequest(value: unknown): value is MachineRequest {
  if (typeof value !== 'object' || value === null) return false;
  const request = value as Record<string, unknown>;
  return (
    text(request.machine, 100) &&
    text(request.displayName, 200) &&
    (request.from === null || text(request.from, 100)) &&
    typeof request.at === 'number' &&
    Number.isFinite(request.at) &&
    request.at >= 0
  );
}

/**
 * The requests worth keeping: well-formed (all of them, or none: a record that is not this
 * browser's own is dropped whole) and younger than the TTL. By hand rather than with zod: this
 * runs on every page, and zod would be a tenth of `/`'s first-load JavaScript.
 */
export function liveMachineRequests(raw: unknown, now: number): MachineRequests {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
  const entries = Object.entries(raw);
  if (!entries.every(([name, request]) => CODESPACE_NAME.test(name) && isMachineRequest(request))) return {};
  return Object.fromEntries((entries as [string, MachineRequest][]).filter(([, request]) => now - request.at < MACHINE_REQUEST_TTL_MS));
}
