import { HelpLink } from '../help/HelpLink';
import { useT } from '../i18n/useT';
import { useStore } from '../store';
import { telOf } from './telOf';

/**
 * A circle is peer support, not a crisis service: the way to urgent help is always in view. The crisis line's
 * number comes from the program; a program that wrote its own panel text (`crisis.text`) has it shown instead.
 */
export function CrisisLine() {
  const t = useT();
  const crisis = useStore((s) => s.program?.crisis ?? null);
  const number = crisis?.number ?? '9-8-8';
  const tel = (chunks: React.ReactNode[]) => <a href={`tel:${telOf(number)}`}>{chunks}</a>;
  return (
    <aside className="crisis-line" aria-label={t('common.crisis.label')}>
      {crisis?.text ? (
        <p>
          <span>{crisis.text}</span> <HelpLink />
        </p>
      ) : (
        <p>
          <strong>{t.rich('common.crisis.callOrText', { number, tel })}</strong> <span>{t('common.crisis.notCrisisService')}</span> <HelpLink />
        </p>
      )}
    </aside>
  );
}
