/** The red mug, drawn inline so it needs no asset and inherits nothing from emoji fonts. Decorative. */
export function MugIcon({ size = 20 }: { size?: number }) {
  return (
    <svg className="mug-icon" width={size} height={size} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d="M4 7h12v7a5 5 0 0 1-5 5H9a5 5 0 0 1-5-5V7z" fill="currentColor" />
      <path d="M16 9h1.5a2.5 2.5 0 0 1 0 5H16" fill="none" stroke="currentColor" strokeWidth="2" />
      <path d="M8 2.5c-.8 1 .8 1.6 0 2.8M11.5 2.5c-.8 1 .8 1.6 0 2.8" fill="none" stroke="currentColor" strokeWidth="1.2" strokeLinecap="round" opacity="0.6" />
      <rect x="3" y="20" width="14" height="1.6" rx="0.8" fill="currentColor" />
    </svg>
  );
}
