import { useState } from 'react';
import { ApiError, messageOf } from '../api/ApiError';
import { fieldErrorsOf } from '../ui/fieldErrorsOf';

/** Runs one staff action at a time and keeps its error (message and field messages) for the form to show. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  async function run(fn: () => Promise<unknown>): Promise<boolean> {
    setBusy(true);
    setError(null);
    setFields({});
    try {
      await fn();
      return true;
    } catch (err) {
      setError(messageOf(err));
      setFields(fieldErrorsOf(err instanceof ApiError ? err : null));
      return false;
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, fields, run };
}
