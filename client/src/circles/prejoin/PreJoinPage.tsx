import { useCallback, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { OutsideWindowData, type CircleSession } from '../../../../shared/schemas/circles';
import { ApiError } from '../../api/ApiError';
import { useStore } from '../../store';
import { AppHeader } from '../../ui/AppHeader';
import { HelpLink } from '../../help/HelpLink';
import { CrisisLine } from '../../ui/CrisisLine';
import { ErrorLine } from '../../ui/ErrorLine';
import { doorsOpen } from '../../ui/formatCircleTime';
import { useAction } from '../../ui/useAction';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { VenueDetails } from '../../ui/VenueDetails';
import { useLoad } from '../../ui/useLoad';
import { fetchCircleSession, joinCircle } from '../circlesApi';
import { CircleTimes } from '../CircleTimes';
import { closedDoorsMessage, useDoorsChanged } from '../useDoorsChanged';
import { canEncryptMedia, E2EE_UNSUPPORTED } from '../../media/mediaE2ee';
import { DisplayNameField, useDisplayName } from '../../media/DisplayNameField';
import { MediaCheck, useMediaCheck } from '../../media/MediaCheck';
import { ConfidentialityPledge } from './ConfidentialityPledge';
import { KnockCard } from './KnockCard';
import { useKnock } from './useKnock';
import { defaultDisplayName, recallChoices, rememberChoices } from '../../ui/rememberedChoices';
import { useT, type T } from '../../i18n/useT';

/** The name field's refusal: the shared rule's messages are ids, put into the person's words here. */
const inWords = (t: T, error: string | null) => (error && t.has(error) ? t(error) : error);

/** /circles/:sessionId/join — check camera and microphone, choose a name, read the ground rules, go in. */
export function PreJoinPage() {
  const t = useT();
  useDocumentTitle(t('circles.prejoin.title'));
  const { sessionId = '' } = useParams();
  const navigate = useNavigate();
  const firstName = useStore((s) => s.user?.firstName ?? '');
  const userId = useStore((s) => s.user?.id ?? '');
  const [remembered] = useState(() => recallChoices(userId));
  const setAdmission = useStore((s) => s.setAdmission);
  // Said before they try: audio and video are end-to-end encrypted or not used at all.
  const [encryptable] = useState(canEncryptMedia);

  const { state: session, reload } = useLoad(
    useCallback(() => fetchCircleSession(sessionId), [sessionId]),
    { keepOnError: true },
  );
  // A host may lock or end the circle while someone gets ready: the page says so at once.
  useDoorsChanged(reload);
  const closed = session.status === 'ready' ? closedDoorsMessage(session.data.doors) : null;
  const media = useMediaCheck(remembered);

  const displayName = useDisplayName(defaultDisplayName(remembered.displayName, firstName));
  // Admitted, the page moves on to the circle: the button stays busy until it does.
  const join = useAction({ staysBusy: true });
  const [opensAt, setOpensAt] = useState<string | null>(null);

  async function goIn(name: string) {
    setOpensAt(null);
    await join.run(async () => {
      const response = await joinCircle(sessionId, name).catch((err: unknown) => {
        setOpensAt(opensAtOf(err));
        throw err;
      });
      const choices = media.choices(name);
      rememberChoices(userId, choices);
      media.release();
      setAdmission({ sessionId, response, choices });
      navigate(`/circles/${encodeURIComponent(sessionId)}`);
    });
  }

  // Locked to newcomers: knock, and once a host lets you in, go in with the name you knocked with.
  const knockedAs = useRef('');
  const knock = useKnock(sessionId, () => void goIn(knockedAs.current));
  const locked = session.status === 'ready' && session.data.doors === 'locked';

  function knockNow() {
    const name = displayName.check();
    if (name === null) return;
    knockedAs.current = name;
    void knock.knock(name);
  }

  async function enter(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const name = displayName.check();
    if (name === null) return;
    await goIn(name);
  }

  return (
    <>
      <AppHeader />
      <main className="page prejoin">
        <p className="back-link">
          <Link to="/">{t('circles.prejoin.back')}</Link>
        </p>
        <h1>{t('circles.prejoin.title')}</h1>
        {session.status === 'ready' && <CircleSummary session={session.data} />}
        <ErrorLine message={session.status === 'error' ? session.message : null} />
        {session.status === 'ready' && session.data.format === 'in_person' ? (
          // An in-person circle has no online room (the server refuses a join): where to go, and no form.
          <section className="card" aria-labelledby="in-person-heading" data-testid="in-person-prejoin">
            <h2 id="in-person-heading">{t('circles.prejoin.inPerson.heading')}</h2>
            <p>{t('circles.prejoin.inPerson.body')}</p>
            {session.data.venue && <VenueDetails venue={session.data.venue} location={session.data.location} idPrefix="prejoin" />}
          </section>
        ) : (
          <>
            {!encryptable && (
              <div role="alert" className="notice" data-testid="e2ee-unsupported">
                <p>{t(E2EE_UNSUPPORTED)}</p>
              </div>
            )}

            <form className="prejoin-grid" onSubmit={enter} noValidate>
              <MediaCheck check={media} />

              <section className="card enter" aria-labelledby="enter-heading">
                <h2 id="enter-heading">{t('circles.prejoin.enterHeading')}</h2>
                <DisplayNameField
                  {...displayName.field}
                  error={inWords(t, displayName.field.error)}
                  inputRef={displayName.inputRef}
                  label={t('circles.prejoin.displayName')}
                  hint={t('circles.prejoin.nameHint')}
                />
                <div className="confidentiality">
                  <p>
                    <strong>{t('circles.notRecorded')}</strong>
                  </p>
                  {encryptable && <p>{t('circles.prejoin.encrypted')}</p>}
                  <p>{t.rich('circles.prejoin.personal', { help: <HelpLink key="help" /> })}</p>
                </div>
                <ConfidentialityPledge />
                {join.error && (
                  // One alert for the refusal and, outside the drop-in window, when the doors open.
                  <div role="alert" className="error">
                    <p>{join.error}</p>
                    {opensAt && <p>{t('circles.doorsOpenSentence', { doorsOpen: doorsOpen(t.locale, opensAt) })}</p>}
                  </div>
                )}
                {closed && (
                  <div role="alert" className="notice" data-testid="doors-closed">
                    <p>{t(closed)}</p>
                  </div>
                )}
                {(locked || knock.state.status !== 'idle') && (
                  <KnockCard state={knock.state} onKnock={knockNow} onGiveUp={() => void knock.giveUp()} disabled={join.busy} />
                )}
                <button type="submit" className="button primary" disabled={join.busy || closed !== null}>
                  {t('circles.prejoin.enter')}
                </button>
              </section>
            </form>
          </>
        )}
        <CrisisLine />
      </main>
    </>
  );
}

/** When the doors open, from a join refused as outside the drop-in window; null for any other failure. */
function opensAtOf(err: unknown): string | null {
  if (!(err instanceof ApiError) || err.code !== 'OUTSIDE_WINDOW') return null;
  const data = OutsideWindowData.safeParse(err.data);
  return data.success ? data.data.opensAtLocal : null;
}

/** Which circle this is and when it meets; until the doors open, when they will. */
function CircleSummary({ session }: { session: CircleSession }) {
  const t = useT();
  return (
    <div className="prejoin-circle">
      <p className="prejoin-title">{session.title}</p>
      <p className="topic">{session.topic ? t('circles.topic', { topic: session.topic }) : t('circles.topicTba')}</p>
      <CircleTimes session={session} />
      {session.doors === 'upcoming' && <p className="join-status">{t('circles.doorsOpenSentence', { doorsOpen: doorsOpen(t.locale, session.wallClock.opensAt) })}</p>}
    </div>
  );
}
