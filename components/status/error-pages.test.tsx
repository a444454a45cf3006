import { describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import ErrorPage from '@/app/error';
import { renderView } from '@/lib/test/render-for-views';

describe('an unexpected error on a page (app/error.tsx, its page loaded when shown)', () => {
  it('says what happened, that nothing changed on GitHub, and offers to try again and a way home', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const retry = vi.fn();
    renderView(<ErrorPage error={Object.assign(new Error('boom'), { digest: 'abc123' })} retry={retry} />);
    expect(await screen.findByRole('heading', { name: 'Something went wrong on this page' })).toBeVisible();
    expect(screen.getByText(/nothing was changed on GitHub/)).toBeVisible();
    expect(screen.getByText(/abc123/)).toBeVisible();
    expect(screen.getByRole('link', { name: /Back to your codespaces/ })).toHaveAttribute('href', '/');
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(retry).toHaveBeenCalledOnce();
  });
});
