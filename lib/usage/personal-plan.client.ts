import { useSyncExternalStore } from 'react';
import type { PersonalPlan } from './domain/prices';

const PLAN_KEY = 'hangar.personal-plan';

/** The chosen plan lives in this browser (a setting, not a secret), shared by every tab. */
function readPlan(): PersonalPlan {
  const stored = window.localStorage.getItem(PLAN_KEY);
  return stored === 'pro' ? 'pro' : 'free';
}
function subscribePlan(onChange: () => void) {
  window.addEventListener('storage', onChange);
  return () => window.removeEventListener('storage', onChange);
}

/** The user's plan (Free or Pro), as chosen in this browser, and the way to choose another. */
export function usePersonalPlan(): [PersonalPlan, (next: PersonalPlan) => void] {
  const plan = useSyncExternalStore(subscribePlan, readPlan, () => 'free' as const);
  const choosePlan = (next: PersonalPlan) => {
    window.localStorage.setItem(PLAN_KEY, next);
    // The storage event tells other tabs; this one is told here.
    window.dispatchEvent(new StorageEvent('storage', { key: PLAN_KEY }));
  };
  return [plan, choosePlan];
}
