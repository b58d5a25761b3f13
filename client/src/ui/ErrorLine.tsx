/**
 * What went wrong, announced at once; nothing when all is well. A page or a form leads with the boxed line;
 * `inline` is the small one under a control or inside a panel, where a box would crowd the buttons it belongs to.
 */
export function ErrorLine({
  message,
  id,
  inline = false,
  className,
}: {
  message: string | null | undefined;
  id?: string;
  inline?: boolean;
  className?: string;
}) {
  if (!message) return null;
  return (
    <p role="alert" className={[inline ? 'field-error' : 'error', className].filter(Boolean).join(' ')} id={id}>
      {message}
    </p>
  );
}
