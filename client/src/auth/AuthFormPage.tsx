import type { ReactNode } from 'react';
import { LanguageSwitcher } from '../i18n/LanguageSwitcher';
import { ErrorLine } from '../ui/ErrorLine';
import { MugIcon } from '../ui/MugIcon';
import './auth.css';

/**
 * The pages of a person who is not signed in yet (sign in, accept an invite, forgot or reset a password): the
 * language switch (there is no header yet), the mug, a heading, a line of welcome, then one card holding the form,
 * its error first and its button last.
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
    <SignedOutPage>
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
    </SignedOutPage>
  );
}

/** A page for someone not signed in (no header): the language switch above the page's own content. */
export function SignedOutPage({ children }: { children: ReactNode }) {
  return (
    <>
      <header className="signed-out-bar">
        <LanguageSwitcher />
      </header>
      <main className="page narrow">{children}</main>
    </>
  );
}
