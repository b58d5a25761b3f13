import type { ReactNode } from 'react';
import { ErrorLine } from '../ui/ErrorLine';
import { MugIcon } from '../ui/MugIcon';

/**
 * The pages of a person who is not signed in yet (sign in, accept an invite): the mug, a heading, a line of
 * welcome, then one card holding the form, its error first and its button last.
 */
export function AuthFormPage(props: {
  title: string;
  lede: ReactNode;
  /** Said above the form, as a status (e.g. "Your password is changed"). */
  notice?: string | null;
  /** The form's action (from useAction): its error is shown first and its button waits while it runs. */
  action: { busy: boolean; error: string | null };
  submitLabel: string;
  onSubmit: () => void;
  children: ReactNode;
  after?: ReactNode;
}) {
  return (
    <main className="page narrow">
      <p className="brand-line" aria-hidden="true">
        <MugIcon size={36} />
      </p>
      <h1>{props.title}</h1>
      <p className="lede">{props.lede}</p>
      {props.notice && (
        <p role="status" className="success">
          {props.notice}
        </p>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          props.onSubmit();
        }}
        noValidate
        className="card form"
      >
        <ErrorLine message={props.action.error} />
        {props.children}
        <button type="submit" className="button primary" disabled={props.action.busy}>
          {props.submitLabel}
        </button>
      </form>
      {props.after}
    </main>
  );
}
