'use client';

import { toast } from '@/lib/notices/toasts';

/**
 * Telling the user: the browser's notifications when they opted in (account menu) and the
 * browser allows them, otherwise Hangar's own toasts. Permission is asked only when the user
 * turns notifications on, never on its own.
 */

/** A notification in words, and where clicking it leads. */
export interface NotificationMessage {
  title: string;
  body: string;
  /** Where clicking it leads, within Hangar or to the exported branch. */
  href: string;
  /** Notifications with the same tag replace each other instead of piling up. */
  tag: string;
  tone: 'success' | 'warning' | 'error';
}

const OPT_IN_KEY = 'hangar.notifications';

export type NotificationSupport = 'granted' | 'denied' | 'default' | 'unsupported';

export function notificationSupport(): NotificationSupport {
  return typeof window !== 'undefined' && 'Notification' in window ? Notification.permission : 'unsupported';
}

/** Whether the user turned browser notifications on in this browser (and still allows them). */
export function notificationsOn(): boolean {
  try {
    return window.localStorage.getItem(OPT_IN_KEY) === 'on' && notificationSupport() === 'granted';
  } catch {
    return false;
  }
}

/** Turns browser notifications on, asking the browser's permission: call it from the user's click only. */
export async function turnNotificationsOn(): Promise<NotificationSupport> {
  const support = notificationSupport();
  if (support === 'unsupported') return support;
  const permission = support === 'granted' ? 'granted' : await Notification.requestPermission();
  try {
    if (permission === 'granted') window.localStorage.setItem(OPT_IN_KEY, 'on');
  } catch {
    // Not remembered: they stay on for this page only.
  }
  return permission;
}

export function turnNotificationsOff(): void {
  try {
    window.localStorage.removeItem(OPT_IN_KEY);
  } catch {
    // Nothing stored to remove.
  }
}

/** Shows one message: a browser notification when they are on, else a toast. Clicking leads to `href`. */
export function dispatchNotification(
  message: NotificationMessage,
  navigate: (href: string) => void = (href) => window.location.assign(href),
): 'browser' | 'toast' {
  if (notificationsOn()) {
    const notification = new Notification(message.title, { body: message.body, tag: message.tag });
    notification.onclick = () => {
      window.focus();
      navigate(message.href);
      notification.close();
    };
    return 'browser';
  }
  toast[message.tone](message.title, {
    description: message.body,
    action: { label: 'Open', onClick: () => navigate(message.href) },
    duration: message.tone === 'error' ? Infinity : 8_000,
    closeButton: true,
  });
  return 'toast';
}
