'use client';

import * as z from 'zod/mini';
import type { ToldRecord } from './domain/notifications';

/** Which codespaces' work at risk the user was told about today, kept in this browser. */
const TOLD_KEY = 'hangar.notifications.told';

const toldSchema = z.record(z.string().check(z.maxLength(100)), z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)));

/** The "already told today" record, from this browser; anything unreadable counts as nothing told. */
export function readToldRecord(): ToldRecord {
  try {
    const parsed = toldSchema.safeParse(JSON.parse(window.localStorage.getItem(TOLD_KEY) ?? '{}'));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

export function writeToldRecord(record: ToldRecord): void {
  try {
    window.localStorage.setItem(TOLD_KEY, JSON.stringify(record));
  } catch {
    // Storage full or off: at worst a warning repeats.
  }
}
