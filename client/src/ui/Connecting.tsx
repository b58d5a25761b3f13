/** A wait that says what it waits for, with a spinner beside it: never a blank area. */
export function Connecting({ children }: { children: string }) {
  return (
    <p role="status" className="connecting">
      <span className="spinner" aria-hidden="true" />
      {children}
    </p>
  );
}
