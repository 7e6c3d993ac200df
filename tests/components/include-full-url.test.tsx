import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { IncludeFullUrlField } from '../../components/panel/IncludeFullUrlField';

afterEach(cleanup);

function Form() {
  const [checked, setChecked] = useState(false);
  return <IncludeFullUrlField id="url" checked={checked} onChange={setChecked} />;
}

const description = (box: HTMLElement) =>
  (box.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent)
    .join(' ');

describe('Include the full page address', () => {
  it('says what is sent as the box is now, and changes when it is ticked and unticked', () => {
    render(<Form />);
    const box = screen.getByRole('checkbox', { name: 'Include the full page address' });
    const off = 'Only the page type and its address with ids removed are sent: no query, nothing on the page.';
    const on = 'The full page address is sent, ids and query included, with this message only. Nothing on the page is sent.';
    expect(description(box)).toBe(off);
    fireEvent.click(box);
    expect((box as HTMLInputElement).checked).toBe(true);
    expect(description(box)).toBe(on);
    fireEvent.click(box);
    expect(description(box)).toBe(off);
  });
});
