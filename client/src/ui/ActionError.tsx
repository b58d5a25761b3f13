/** What went wrong with the last action, announced at once; nothing when it went well. */
export function ActionError({ message, id }: { message: string | null | undefined; id?: string }) {
  if (!message) return null;
  return (
    <p role="alert" className="field-error" id={id}>
      {message}
    </p>
  );
}
