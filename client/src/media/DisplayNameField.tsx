import { useId, useRef, useState, type RefObject } from 'react';
import type { MessageId } from '../../../shared/i18n/catalog';
import { DisplayName } from '../../../shared/schemas/circles';
import { useT } from '../i18n/useT';
import { TextField } from '../ui/TextField';

const MAX_NAME = 40;

/**
 * The name someone shows in a call, as typed, with the shared rule's refusal beside it when it is not allowed: the
 * rule's messages are catalog ids, which the field puts into the person's words.
 */
export function useDisplayName(initial: string) {
  const [value, setValue] = useState(() => initial.slice(0, MAX_NAME));
  const [error, setError] = useState<string | null>(null);
  const ref = useRef<HTMLInputElement>(null);
  return {
    field: { value, onChange: setValue, error },
    inputRef: ref,
    /** The name, when it may be shown; otherwise says why beside the field, puts the focus there, and gives null. */
    check(): string | null {
      const name = DisplayName.safeParse(value);
      if (!name.success) {
        setError(name.error.issues[0]?.message ?? ('media.name.required' satisfies MessageId));
        ref.current?.focus();
        return null;
      }
      setError(null);
      return name.data;
    },
  };
}

export function DisplayNameField({ value, onChange, error, inputRef, label, hint }: {
  value: string;
  onChange: (v: string) => void;
  error: string | null;
  inputRef: RefObject<HTMLInputElement | null>;
  label: string;
  hint: string;
}) {
  const t = useT();
  const id = useId();
  return (
    <TextField
      id={id}
      ref={inputRef}
      label={label}
      autoComplete="off"
      maxLength={MAX_NAME}
      value={value}
      onChange={onChange}
      hint={hint}
      error={(error && t.has(error) ? t(error) : error) ?? undefined}
    />
  );
}
