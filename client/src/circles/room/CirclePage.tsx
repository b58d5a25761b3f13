import { useState } from 'react';
import { Navigate, useNavigate, useParams } from 'react-router';
import { useStore } from '../../store';
import { useAction } from '../../ui/useAction';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { joinCircle } from '../circlesApi';
import { CircleOutcome } from '../live/CircleOutcome';
import { LiveCircleLayout } from '../live/LiveCircleLayout';
import { LiveContext } from '../live/LiveContext';
import { useCircleLive } from '../live/useCircleLive';
import { canEncryptMedia, E2EE_UNSUPPORTED } from '../../media/mediaE2ee';
import { CircleHeader } from './CircleHeader';
import { ConnectedCircle } from './ConnectedCircle';
import { unavailableMessage } from './disconnectMessage';
import { MediaUnavailableNotice } from './MediaUnavailableNotice';
import { useT } from '../../i18n/useT';

/**
 * /circles/:sessionId — the circle itself. Needs the admission from the pre-join page; after a reload there is
 * none (tokens are not kept), so the person goes back through pre-join for a fresh one.
 */
export function CirclePage() {
  const t = useT();
  useDocumentTitle(t('circles.room.title'));
  const { sessionId = '' } = useParams();
  const navigate = useNavigate();
  const admission = useStore((s) => s.admission);
  const replaceJoinResponse = useStore((s) => s.replaceJoinResponse);
  const clearAdmission = useStore((s) => s.clearAdmission);
  // Each successful re-join mounts a fresh Room.
  const [attempt, setAttempt] = useState(0);
  const { busy: retrying, error: retryError, run } = useAction();
  // Leaving clears the admission at once, but navigation is a transition that lands a moment later: until then
  // render nothing rather than bounce to the pre-join page.
  const [left, setLeft] = useState(false);
  const admitted = admission !== null && admission.sessionId === sessionId;
  // The live circle (topic, hands, chat) runs beside LiveKit and without it: only the HTTP admission is needed.
  const socket = useCircleLive(sessionId, admission?.choices.displayName ?? '', admitted && !left);
  const outcome = useStore((s) => s.live.outcome);

  if (left) return null;
  if (outcome) {
    // Ended or removed: rendering only this unmounts the Room, which disconnects audio and video.
    return (
      <main className="page narrow">
        <CircleOutcome
          outcome={outcome}
          onHome={() => {
            setLeft(true);
            clearAdmission();
          }}
        />
      </main>
    );
  }
  if (!admission || !admitted) {
    return <Navigate to={`/circles/${encodeURIComponent(sessionId)}/join`} replace />;
  }

  function leave() {
    setLeft(true);
    navigate('/');
    clearAdmission();
  }

  /** A fresh admission: a new short-lived token, and a new look at whether media is up. */
  async function retry() {
    if (!admission) return;
    await run(async () => {
      replaceJoinResponse(await joinCircle(admission.sessionId, admission.choices.displayName));
      setAttempt((a) => a + 1);
    });
  }

  const { media, session } = admission.response;
  // Never unencrypted media: a browser that cannot encrypt end to end takes part in text only.
  const encryptable = canEncryptMedia();
  return (
    <LiveContext.Provider value={socket}>
      <main className="page circle-page">
        {media.available && encryptable ? (
          <ConnectedCircle
            key={attempt}
            admission={admission}
            serverUrl={media.serverUrl}
            token={media.token}
            onLeave={leave}
            onRetry={() => void retry()}
            retrying={retrying}
            retryError={retryError}
          />
        ) : (
          <>
            <CircleHeader session={session} />
            <LiveCircleLayout
              onLeave={leave}
              leaving={false}
              stage={
                <MediaUnavailableNotice
                  message={media.available ? t(E2EE_UNSUPPORTED) : unavailableMessage(t, media.message)}
                  onRetry={media.available ? undefined : () => void retry()}
                  retrying={retrying}
                  retryError={retryError}
                />
              }
            />
          </>
        )}
      </main>
    </LiveContext.Provider>
  );
}
