import { describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { makeCodespace } from '@/lib/test/fixtures';
import { renderView } from '@/lib/test/render-for-views';
import { RenameDialog } from './rename-dialog';

const field = () => screen.getByRole('textbox', { name: 'Display name' });

describe('renaming a codespace', () => {
  it('counts characters as I type, against the same 48 GitHub keeps', async () => {
    renderView(<RenameDialog codespace={makeCodespace({ display_name: null })} open onOpenChange={vi.fn()} />);
    await userEvent.type(field(), 'Checkout');
    expect(screen.getByText('8 of 48 characters')).toBeVisible();
  });

  it('keeps a pasted name whole and says at once that it is too long, never cutting it silently', async () => {
    renderView(<RenameDialog codespace={makeCodespace({ display_name: null })} open onOpenChange={vi.fn()} />);
    const long = 'A very long name for a codespace that goes on well past the limit of GitHub';
    await userEvent.click(field());
    await userEvent.paste(long);
    // Still in the field, not blurred, not submitted.
    expect(field()).toHaveValue(long);
    expect(field()).toHaveFocus();
    expect(field()).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText(`At most 48 characters: ${long.length - 48} too many`)).toBeVisible();
  });
});
