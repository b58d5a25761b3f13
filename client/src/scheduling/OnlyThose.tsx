import { useT } from '../i18n/useT';

/** "3 sessions without a host. [ ] Show only those": how many sessions lack something, and a filter to them. */
export function OnlyThose({ summary, checked, onChange }: { summary: string; checked: boolean; onChange: (only: boolean) => void }) {
  const t = useT();
  return (
    <p className="inline-form">
      <span>{summary}</span>
      <label className="check">
        <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} /> {t('scheduling.onlyThose.show')}
      </label>
    </p>
  );
}
