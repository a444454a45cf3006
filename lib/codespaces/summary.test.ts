import { describe, expect, it } from 'vitest';
import { makeCodespace } from '@/lib/test/fixtures';
import { summarizeCodespace } from './summary';

describe('the list’s summary of a codespace', () => {
  it('keeps what the list shows, filters and sorts on', () => {
    const codespace = makeCodespace({ display_name: 'Usage view', state: 'Available', repo: 'octo-org/octo-app' });
    const summary = summarizeCodespace(codespace);
    expect(summary).toMatchObject({
      name: codespace.name,
      display_name: 'Usage view',
      state: 'Available',
      last_used_at: codespace.last_used_at,
      location: codespace.location,
      git_status: codespace.git_status,
      machine: codespace.machine,
      repository: { id: codespace.repository.id, full_name: 'octo-org/octo-app' },
    });
  });

  it('is a small fraction of GitHub’s object', () => {
    const codespace = makeCodespace();
    expect(JSON.stringify(summarizeCodespace(codespace)).length).toBeLessThan(JSON.stringify(codespace).length / 3);
  });
});
