import { useState } from 'react';
import { Link } from 'react-router';
import type { HelpInfo } from '../../../shared/schemas/help';
import { AppHeader } from '../ui/AppHeader';
import { ChoiceGroup } from '../ui/ChoiceGroup';
import { Loaded } from '../ui/Loaded';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { useLoad } from '../ui/useLoad';
import { fetchHelpInfo } from './helpApi';
import './help.css';

type Door = 'crisis' | 'circle' | 'peer' | 'counselling';
type Need = 'crisis' | 'career' | 'personal' | 'health' | 'unsure';

const NEEDS: Record<Need, string> = {
  crisis: 'I am in crisis, or thinking about suicide',
  career: 'Talking about work, career, school or finding a job, or meeting colleagues',
  personal: 'Talking one-to-one about something personal with a lawyer who has been through it',
  health: 'Professional help with my mental health, stress, or a family or health matter',
  unsure: 'I am not sure',
};

/** The door each answer points to; "not sure" goes to counselling intake, whose staff help find the right one. */
const DOOR_OF: Record<Need, Door> = { crisis: 'crisis', career: 'circle', personal: 'peer', health: 'counselling', unsure: 'counselling' };

const DOOR_NAMES: Record<Door, string> = {
  crisis: 'call or text 9-8-8',
  circle: 'the Red Mug Coffee Circle',
  peer: 'matched peer support',
  counselling: 'professional counselling',
};

/** /help — "Which kind of help fits?": the circle, matched peer support, counselling, and 9-8-8. Open to anyone. */
export function HelpPage() {
  useDocumentTitle('Which kind of help fits?');
  const [need, setNeed] = useState<Need[]>([]);
  const { state } = useLoad(fetchHelpInfo);
  const suggested = need[0] ? DOOR_OF[need[0]] : null;
  const mark = (door: Door) => (door === suggested ? 'card door suggested' : 'card door');
  return (
    <>
      <AppHeader />
      <main className="page help-page">
        <h1>Which kind of help fits?</h1>
        <p className="lede">
          The society has several doors, each confidential and independent of the Law Society. Pick what sounds closest
          to what you need; you can always try another.
        </p>
        <form className="card form" onSubmit={(e) => e.preventDefault()}>
          <ChoiceGroup id="help-need" label="What would help most right now?" options={NEEDS} chosen={need} onChange={setNeed} single />
        </form>
        <p role="status" className="door-suggestion">
          {suggested && (
            <>
              Suggested for you: <a href={`#door-${suggested}`}>{DOOR_NAMES[suggested]}</a>.
            </>
          )}
        </p>

        <section id="door-crisis" className={`${mark('crisis')} door-crisis`} aria-labelledby="door-crisis-heading">
          <h2 id="door-crisis-heading">In crisis: call or text 9-8-8</h2>
          <p>
            If you are in crisis or thinking about suicide, call or text <a href="tel:988">9-8-8</a> (Suicide Crisis
            Helpline), any time, day or night. If you or someone else is in danger now, call <a href="tel:911">9-1-1</a>.
          </p>
          <p>The circles and peer support are not crisis services.</p>
        </section>

        <section id="door-circle" className={mark('circle')} aria-labelledby="door-circle-heading">
          <h2 id="door-circle-heading">The Red Mug Coffee Circle: career and community</h2>
          <p>
            Suited to career, work, school and job-finding questions, and to feeling less alone in the profession. Drop
            in every Monday at noon, Alberta time; no RSVP. Each circle has a topic, and the conversation can turn to
            whatever the people there need. Trained volunteers wear a red mug.
          </p>
          <p>
            <Link to="/">See the next circle</Link> · <Link to="/schedule">The schedule</Link>
          </p>
        </section>

        <section id="door-peer" className={mark('peer')} aria-labelledby="door-peer-heading">
          <h2 id="door-peer-heading">Matched peer support: something personal, one-to-one</h2>
          <p>
            For highly personal matters, staff match you privately with one of about 130 trained volunteer lawyers who
            has faced something similar: by practice area, where you live and work, seniority and lived experience.
          </p>
          <p className="never-advice">
            <strong>Peer support is never advice.</strong> A peer shares their own story and what helped them; they
            never give legal, financial or other advice, and never solve the problem for you.
          </p>
          <p>
            <Link to="/support/request">Ask for a matched peer</Link>
          </p>
        </section>

        <section id="door-counselling" className={mark('counselling')} aria-labelledby="door-counselling-heading">
          <h2 id="door-counselling-heading">Professional counselling</h2>
          <p>
            Confidential counselling with registered psychologists, for mental health, stress, family, health or
            substance use. It is often the best first door, and it can go alongside peer support.
          </p>
          <Loaded state={state}>{(info) => <CounsellingLine counselling={info.counselling} />}</Loaded>
        </section>
      </main>
    </>
  );
}

function CounsellingLine({ counselling }: { counselling: HelpInfo['counselling'] }) {
  if (!counselling) return <p>Ask the society&apos;s staff for the counselling intake line.</p>;
  return (
    <p className="counselling-line">
      Call the counselling intake line at <a href={`tel:${counselling.tel}`}>{counselling.phone}</a>
      {counselling.hours ? `, ${counselling.hours}` : ''}.
    </p>
  );
}
