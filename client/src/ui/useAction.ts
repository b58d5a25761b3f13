import { useCallback, useState } from 'react';
import { ApiError, messageOf } from '../api/ApiError';
import { fieldErrorsOf } from './fieldErrorsOf';

/**
 * One form action at a time. `run` clears the last error, keeps `busy` while the action runs and, when it fails,
 * keeps the message for people and the server's messages per field (keyed as `fieldErrorsOf` does, by `fieldsBy`);
 * it resolves to whether the action succeeded. `setError` shows a message of the form's own, from a check made
 * before anything is sent, or clears it.
 *
 * With `staysBusy`, a success leaves the form busy: the page is moving on (to another page, or to a reload that
 * replaces the form), and a second click must not send the same thing again meanwhile.
 */
export function useAction({ staysBusy = false, fieldsBy = 'first' }: { staysBusy?: boolean; fieldsBy?: 'first' | 'last' } = {}) {
  const [busy, setBusy] = useState(false);
  const [error, setMessage] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});

  const run = useCallback(
    async (action: () => Promise<unknown>): Promise<boolean> => {
      setBusy(true);
      setMessage(null);
      setFields({});
      try {
        await action();
        if (!staysBusy) setBusy(false);
        return true;
      } catch (err) {
        setMessage(messageOf(err));
        setFields(fieldErrorsOf(err instanceof ApiError ? err : null, fieldsBy));
        setBusy(false);
        return false;
      }
    },
    [staysBusy, fieldsBy],
  );

  const setError = useCallback((message: string | null) => {
    setMessage(message);
    setFields({});
  }, []);

  return { busy, error, fields, run, setError };
}
