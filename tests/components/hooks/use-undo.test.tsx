import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { useUndo } from '../../../components/hooks/use-undo';

afterEach(cleanup);

function Trash({ restore }: { restore: (item: string) => Promise<boolean | void> | boolean | void }) {
  const undo = useUndo(restore);
  return (
    <div>
      <button type="button" onClick={() => undo.offer('Rubric card')}>
        Delete
      </button>
      {undo.offered && (
        <p role="status">
          Deleted {undo.offered}.{' '}
          <button type="button" onClick={() => void undo.undo()}>
            Undo
          </button>
          <button type="button" onClick={undo.dismiss}>
            Dismiss
          </button>
        </p>
      )}
      {undo.failed && <p role="alert">Could not put it back.</p>}
    </div>
  );
}

describe('useUndo', () => {
  it('offers to put back what was done, restores it on Undo and withdraws the offer', async () => {
    const restored: string[] = [];
    render(<Trash restore={async (item) => void restored.push(item)} />);
    expect(screen.queryByRole('status')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    expect(screen.getByRole('status').textContent).toBe('Deleted Rubric card. UndoDismiss');
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(screen.queryByRole('status')).toBeNull());
    expect(restored).toEqual(['Rubric card']);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('Dismiss withdraws the offer without restoring anything', () => {
    const restored: string[] = [];
    render(<Trash restore={(item) => void restored.push(item)} />);
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('status')).toBeNull();
    expect(restored).toEqual([]);
  });

  it('says so when the restore fails, until the next offer', async () => {
    render(<Trash restore={async () => false} />);
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Could not put it back.');
    expect(screen.queryByRole('status')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByRole('status').textContent).toContain('Deleted Rubric card.');
  });

  it('a restore that answers at once withdraws the offer in the same render', () => {
    render(<Trash restore={() => true} />);
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(screen.queryByRole('status')).toBeNull();
  });
});
