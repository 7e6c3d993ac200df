import type { ComponentChildren } from 'preact';

/** What a control needs to be named and described by its field. */
export interface ControlProps {
  id: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}

interface FieldProps {
  id: string;
  label: ComponentChildren;
  hint?: ComponentChildren;
  /**
   * The problem with the value: null while it is fine (the control says aria-invalid="false"),
   * left out for a control that is never checked (no aria-invalid at all).
   */
  error?: string | null;
  /** Ids of other text that describes the control, read before the hint (a lock note). */
  describedBy?: string;
  /** Shown after the hint and the error (a lock note). */
  after?: ComponentChildren;
  /** 'p' where the hint and error are paragraphs of their form's text (the studio's editors). */
  textTag?: 'span' | 'p';
  /** 'alert' where the error must be announced as it appears. */
  errorRole?: 'alert';
  /** The control, given its id and ARIA wiring. */
  children: (control: ControlProps) => ComponentChildren;
}

/** One labelled control with its hint and error below it, each tied to the control by id. */
export function Field({ id, label, hint, error, describedBy, after, textTag: Text = 'span', errorRole, children }: FieldProps) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const control: ControlProps = { id };
  if (error !== undefined) control['aria-invalid'] = Boolean(error);
  const describers = joinIds(describedBy, hint ? hintId : undefined, error ? errorId : undefined);
  if (describers) control['aria-describedby'] = describers;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {children(control)}
      {hint && (
        <Text id={hintId} class="hint">
          {hint}
        </Text>
      )}
      {error && (
        <Text id={errorId} class="error" role={errorRole}>
          {error}
        </Text>
      )}
      {after}
    </div>
  );
}

interface CheckboxFieldProps {
  /** Prefix for the hint's id, unique on the page. */
  id: string;
  label: ComponentChildren;
  hint: ComponentChildren;
  checked: boolean;
  disabled?: boolean;
  /** Ids of other text that describes the box, read before the hint (a lock note). */
  describedBy?: string;
  /** Shown after the hint (a lock note). */
  after?: ComponentChildren;
  onChange: (checked: boolean) => void;
}

/** A checkbox named by the label around it, with a hint below tied to it by id. */
export function CheckboxField({ id, label, hint, checked, disabled, describedBy, after, onChange }: CheckboxFieldProps) {
  const hintId = `${id}-hint`;
  return (
    <div class="field field--checkbox">
      <label>
        <input
          type="checkbox"
          checked={checked}
          disabled={disabled}
          aria-describedby={joinIds(describedBy, hintId)}
          onChange={(event) => onChange((event.target as HTMLInputElement).checked)}
        />{' '}
        {label}
      </label>
      <span id={hintId} class="hint">
        {hint}
      </span>
      {after}
    </div>
  );
}

function joinIds(...ids: Array<string | undefined>): string | undefined {
  return ids.filter(Boolean).join(' ') || undefined;
}
