import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { useLiveQuery } from '../../../components/hooks/use-live-query';
import { db } from '../../../utils/platform/db';
import * as make from '../../support/factories';

beforeEach(async () => {
  await db.delete();
  await db.open();
});
afterEach(cleanup);

let renders: Array<string[] | undefined> = [];

function MentorNames() {
  const names = useLiveQuery(async () => (await db.mentors.toArray()).map((mentor) => mentor.name).sort(), []);
  renders.push(names);
  if (!names) return null;
  return <p data-testid="names">{names.join(', ') || 'none'}</p>;
}

describe('useLiveQuery', () => {
  it('gives nothing until the first result, then follows the database', async () => {
    renders = [];
    await db.mentors.put(make.mentor({ id: 'a', name: 'Ana Ruiz' }));
    render(<MentorNames />);
    expect(renders[0]).toBeUndefined();
    expect(screen.queryByTestId('names')).toBeNull();
    expect((await screen.findByTestId('names')).textContent).toBe('Ana Ruiz');

    await db.mentors.put(make.mentor({ id: 'b', name: 'Ben Okafor' }));
    await waitFor(() => expect(screen.getByTestId('names').textContent).toBe('Ana Ruiz, Ben Okafor'));
    await db.mentors.clear();
    await waitFor(() => expect(screen.getByTestId('names').textContent).toBe('none'));
  });
});
