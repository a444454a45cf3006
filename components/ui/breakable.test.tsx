import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Breakable } from './breakable';

describe('a name that wraps only between its parts', () => {
  it('offers a break after each underscore, dot and slash', () => {
    const { container } = render(<Breakable text="GPG_SIGNING_KEY" />);
    expect(container.querySelectorAll('wbr')).toHaveLength(2);
    expect(render(<Breakable text="octo-org/octo-app" />).container.querySelectorAll('wbr')).toHaveLength(1);
  });

  it('keeps the text, and its accessible name, exactly as it was', () => {
    for (const text of ['octo-org/octo-app', 'NPM_TOKEN', 'a.b-c/d_e', 'plain', '_leading', 'trailing_']) {
      const { container, unmount } = render(
        <button type="button">
          <Breakable text={text} />
        </button>,
      );
      expect(container.textContent).toBe(text);
      expect(screen.getByRole('button', { name: text })).toBeInTheDocument();
      unmount();
    }
  });
});
