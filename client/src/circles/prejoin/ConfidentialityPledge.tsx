import { useEffect, useId, useRef, useState } from 'react';
import type { PledgeStatus } from '../../../../shared/schemas/pledge';
import { ErrorLine } from '../../ui/ErrorLine';
import { useAction } from '../../ui/useAction';
import { useLoad } from '../../ui/useLoad';
import { agreeToPledge, fetchPledge } from './pledgeApi';
import './pledge.css';
import { useT } from '../../i18n/useT';

/**
 * The confidentiality pledge on the pre-join page: shown on someone's first join and again once a year, until they
 * agree (issue #15). The server refuses the join with PLEDGE_REQUIRED until then, so this is the way through, not
 * the guard. Once agreed (or when it is not due) it shows nothing.
 */
export function ConfidentialityPledge() {
  const t = useT();
  const headingId = useId();
  const { state } = useLoad(fetchPledge);
  const [agreed, setAgreed] = useState<PledgeStatus | null>(null);
  const agree = useAction();
  const thanks = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (agreed) thanks.current?.focus();
  }, [agreed]);

  if (state.status === 'error') return <ErrorLine message={state.message} />;
  if (state.status !== 'ready' || (!state.data.required && !agreed)) return null;
  if (agreed) {
    return (
      <p ref={thanks} tabIndex={-1} role="status" className="pledge-agreed">
        {t('circles.pledge.thanks')}
      </p>
    );
  }
  return (
    <section className="confidentiality pledge" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('circles.pledge.heading')}</h3>
      <p className="hint">{t('circles.pledge.hint')}</p>
      <blockquote>
        {state.data.text.map((sentence) => (
          <p key={sentence}>{sentence}</p>
        ))}
      </blockquote>
      <ErrorLine message={agree.error} />
      <button type="button" className="button secondary" disabled={agree.busy} onClick={() => void agree.run(async () => setAgreed(await agreeToPledge()))}>
        {t('circles.pledge.agree')}
      </button>
    </section>
  );
}
