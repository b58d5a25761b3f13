import { useState } from 'react';
import { Link } from 'react-router';
import type { MessageId } from '../../../shared/i18n/catalog';
import type { HelpInfo } from '../../../shared/schemas/help';
import { useT } from '../i18n/useT';
import { useStore } from '../store';
import { AppHeader } from '../ui/AppHeader';
import { ChoiceGroup } from '../ui/ChoiceGroup';
import { Loaded } from '../ui/Loaded';
import { telOf } from '../ui/telOf';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { useLoad } from '../ui/useLoad';
import { fetchHelpInfo } from './helpApi';
import './help.css';

type Door = 'crisis' | 'circle' | 'peer' | 'counselling';
type Need = 'crisis' | 'career' | 'personal' | 'health' | 'unsure';

const NEED_IDS: Record<Need, MessageId> = {
  crisis: 'help.need.crisis',
  career: 'help.need.career',
  personal: 'help.need.personal',
  health: 'help.need.health',
  unsure: 'help.need.unsure',
};

/** The door each answer points to; "not sure" goes to counselling intake, whose staff help find the right one. */
const DOOR_OF: Record<Need, Door> = { crisis: 'crisis', career: 'circle', personal: 'peer', health: 'counselling', unsure: 'counselling' };

const DOOR_IDS: Record<Door, MessageId> = {
  crisis: 'help.door.crisis',
  circle: 'help.door.circle',
  peer: 'help.door.peer',
  counselling: 'help.door.counselling',
};

/**
 * /help — "Which kind of help fits?": the circle, matched peer support, counselling, and the crisis line. Open to
 * anyone. The crisis line comes from the program (the session answer every page has); the counselling intake line
 * from /api/help, else the program's.
 */
export function HelpPage() {
  const t = useT();
  useDocumentTitle(t('help.title'));
  const crisis = useStore((s) => s.program?.crisis ?? { number: '9-8-8', name: '', text: null });
  const programCounselling = useStore((s) => s.program?.counselling ?? null);
  const [need, setNeed] = useState<Need[]>([]);
  const { state } = useLoad(fetchHelpInfo);
  const suggested = need[0] ? DOOR_OF[need[0]] : null;
  const mark = (door: Door) => (door === suggested ? 'card door suggested' : 'card door');
  const needs = Object.fromEntries(Object.entries(NEED_IDS).map(([k, id]) => [k, t(id)])) as Record<Need, string>;
  const crisisTel = (chunks: React.ReactNode[]) => <a href={`tel:${telOf(crisis.number)}`}>{chunks}</a>;
  return (
    <>
      <AppHeader />
      <main className="page help-page">
        <h1>{t('help.title')}</h1>
        <p className="lede">{t('help.lede')}</p>
        <form className="card form" onSubmit={(e) => e.preventDefault()}>
          <ChoiceGroup id="help-need" label={t('help.question')} options={needs} chosen={need} onChange={setNeed} single />
        </form>
        <p role="status" className="door-suggestion">
          {suggested &&
            t.rich('help.suggested', {
              door: t(DOOR_IDS[suggested], { number: crisis.number }),
              link: (chunks) => <a href={`#door-${suggested}`}>{chunks}</a>,
            })}
        </p>

        <section id="door-crisis" className={`${mark('crisis')} door-crisis`} aria-labelledby="door-crisis-heading">
          <h2 id="door-crisis-heading">{t('help.crisis.heading', { number: crisis.number })}</h2>
          {crisis.text ? (
            <p>{crisis.text}</p>
          ) : (
            <p>
              {t.rich('help.crisis.body', {
                number: crisis.number,
                name: crisis.name,
                tel: crisisTel,
                emergency: (chunks) => <a href="tel:911">{chunks}</a>,
              })}
            </p>
          )}
          <p>{t('help.crisis.notCrisis')}</p>
        </section>

        <section id="door-circle" className={mark('circle')} aria-labelledby="door-circle-heading">
          <h2 id="door-circle-heading">{t('help.circle.heading')}</h2>
          <p>{t('help.circle.body')}</p>
          <p>
            {t.rich('help.circle.links', {
              next: (chunks) => <Link to="/">{chunks}</Link>,
              schedule: (chunks) => <Link to="/schedule">{chunks}</Link>,
            })}
          </p>
        </section>

        <section id="door-peer" className={mark('peer')} aria-labelledby="door-peer-heading">
          <h2 id="door-peer-heading">{t('help.peer.heading')}</h2>
          <p>{t('help.peer.body')}</p>
          <p className="never-advice">{t.rich('help.peer.neverAdvice', { strong: (chunks) => <strong>{chunks}</strong> })}</p>
          <p>
            <Link to="/support/request">{t('help.peer.ask')}</Link>
          </p>
        </section>

        <section id="door-counselling" className={mark('counselling')} aria-labelledby="door-counselling-heading">
          <h2 id="door-counselling-heading">{t('help.counselling.heading')}</h2>
          <p>{t('help.counselling.body')}</p>
          <Loaded state={state}>
            {(info) => <CounsellingLine counselling={info.counselling ?? (programCounselling && { ...programCounselling, tel: telOf(programCounselling.phone) })} />}
          </Loaded>
        </section>
      </main>
    </>
  );
}

function CounsellingLine({ counselling }: { counselling: HelpInfo['counselling'] }) {
  const t = useT();
  if (!counselling) return <p>{t('help.counselling.askStaff')}</p>;
  const tel = (chunks: React.ReactNode[]) => <a href={`tel:${counselling.tel}`}>{chunks}</a>;
  return (
    <p className="counselling-line">
      {counselling.hours
        ? t.rich('help.counselling.lineWithHours', { phone: counselling.phone, hours: counselling.hours, tel })
        : t.rich('help.counselling.line', { phone: counselling.phone, tel })}
    </p>
  );
}
