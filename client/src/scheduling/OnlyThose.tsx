/** "3 sessions without a host. [ ] Show only those": how many sessions lack something, and a filter to them. */
export function OnlyThose({ count, lacking, checked, onChange }: { count: number; lacking: string; checked: boolean; onChange: (only: boolean) => void }) {
  return (
    <p className="inline-form">
      <span>
        {count} session{count === 1 ? '' : 's'} {lacking}.
      </span>
      <label className="check">
        <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} /> Show only those
      </label>
    </p>
  );
}
