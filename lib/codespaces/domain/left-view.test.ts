import { describe, expect, it } from 'vitest';
import { leftView, leftViewMessage } from './left-view';

const codespace = (name: string, state: string, display_name: string | null = null) => ({ name, state, display_name }) as never;

describe('rows that leave a filtered view', () => {
  const usage = codespace('usage-x1', 'ShuttingDown', 'Usage view');
  const blog = codespace('blog-y2', 'Available');
  const gone = codespace('gone-z3', 'ShuttingDown');

  it('are the ones acted on that are still there but no longer shown', () => {
    expect(leftView([usage, blog], [blog], [usage, blog], new Set(['usage-x1']))).toEqual([usage]);
  });

  it('leave out rows nobody acted on, rows still shown, and codespaces that are gone', () => {
    expect(leftView([usage, blog], [blog], [usage, blog], new Set())).toEqual([]);
    expect(leftView([usage, blog], [usage, blog], [usage, blog], new Set(['usage-x1']))).toEqual([]);
    expect(leftView([usage, gone], [usage], [usage], new Set(['gone-z3']))).toEqual([]);
  });

  it('are said in words, by what is happening to them', () => {
    expect(leftViewMessage([usage])).toBe('Stopping Usage view: it left this filtered view.');
    expect(leftViewMessage([codespace('a-1', 'Starting')])).toBe('Starting a-1: it left this filtered view.');
    expect(leftViewMessage([codespace('a-1', 'Failed')])).toBe('a-1 is now Failed: it left this filtered view.');
    expect(leftViewMessage([usage, gone])).toBe('Stopping 2 codespaces: they left this filtered view.');
    expect(leftViewMessage([usage, codespace('a-1', 'Starting')])).toBe('2 codespaces changed state and left this filtered view.');
    expect(leftViewMessage([])).toBeNull();
  });
});
