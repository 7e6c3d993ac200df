import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { CheckboxField, Field } from '../../../components/shared/Field';

afterEach(cleanup);

/** The control's accessible description, as assistive technology reads it: its describers' text in order. */
function description(element: HTMLElement): string {
  const ids = element.getAttribute('aria-describedby')?.split(' ') ?? [];
  return ids.map((id) => document.getElementById(id)?.textContent ?? `(missing ${id})`).join(' | ');
}

describe('Field', () => {
  it('names the control by its label and describes it by its hint', () => {
    render(
      <Field id="pack-name" label="Pack name" hint="Teachers see this name.">
        {(control) => <input {...control} type="text" />}
      </Field>,
    );
    const input = screen.getByRole('textbox', { name: 'Pack name' });
    expect(input.id).toBe('pack-name');
    expect(description(input)).toBe('Teachers see this name.');
    expect(input.hasAttribute('aria-invalid')).toBe(false);
    expect(document.getElementById('pack-name-hint')?.tagName).toBe('SPAN');
  });

  it('says "valid" for a checked control without an error, and adds the error after the hint when there is one', () => {
    const { rerender } = render(
      <Field id="url" label="Address" hint="An https link." error={null}>
        {(control) => <input {...control} type="url" />}
      </Field>,
    );
    const input = screen.getByRole('textbox', { name: 'Address' });
    expect(input.getAttribute('aria-invalid')).toBe('false');
    expect(screen.queryByText('Use https.')).toBeNull();

    rerender(
      <Field id="url" label="Address" hint="An https link." error="Use https.">
        {(control) => <input {...control} type="url" />}
      </Field>,
    );
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(description(input)).toBe('An https link. | Use https.');
    expect(screen.getByText('Use https.').className).toBe('error');
  });

  it('reads other describers (a lock note) first, shows them after, and can announce the error', () => {
    render(
      <Field
        id="name"
        label="Your name"
        error="Too long."
        errorRole="alert"
        describedBy="name-locked"
        after={<span id="name-locked">Set by your school</span>}
        textTag="p"
      >
        {(control) => <input {...control} type="text" />}
      </Field>,
    );
    const input = screen.getByRole('textbox', { name: 'Your name' });
    expect(description(input)).toBe('Set by your school | Too long.');
    expect(screen.getByRole('alert').textContent).toBe('Too long.');
    expect(screen.getByRole('alert').tagName).toBe('P');
    const field = input.closest('.field')!;
    expect(Array.from(field.children).map((child) => child.textContent)).toEqual(['Your name', '', 'Too long.', 'Set by your school']);
  });
});

describe('CheckboxField', () => {
  it('is named by the label around it, described by its hint, and reports changes', () => {
    const changes: boolean[] = [];
    render(
      <CheckboxField
        id="full-url"
        label="Include the full page address"
        hint="Only for this one."
        checked={false}
        onChange={(on) => changes.push(on)}
      />,
    );
    const box = screen.getByRole('checkbox', { name: 'Include the full page address' }) as HTMLInputElement;
    expect(box.checked).toBe(false);
    expect(description(box)).toBe('Only for this one.');
    expect(box.disabled).toBe(false);
    fireEvent.click(box);
    expect(changes).toEqual([true]);
  });

  it('can be locked, with its lock note read first', () => {
    render(
      <CheckboxField
        id="coach"
        label="Coach mode"
        hint="Shows authoring links."
        checked
        disabled
        describedBy="coach-locked"
        after={<span id="coach-locked">Set by your school</span>}
        onChange={() => {}}
      />,
    );
    const box = screen.getByRole('checkbox', { name: 'Coach mode' }) as HTMLInputElement;
    expect(box.disabled).toBe(true);
    expect(box.checked).toBe(true);
    expect(description(box)).toBe('Set by your school | Shows authoring links.');
  });
});
