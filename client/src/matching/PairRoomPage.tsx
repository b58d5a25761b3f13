import { Connecting } from '../ui/Connecting';
import { RoomAudioRenderer, RoomContext, useRemoteParticipants } from '@livekit/components-react';
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import type { JoinMedia } from '../../../shared/schemas/circles';
import type { E2eeKeyGrant } from '../../../shared/schemas/live';
import { CallToolbar } from '../circles/live/CallToolbar';
import { BlurredCamera, DevicesCard, MediaToggles, useCircleBlur } from '../circles/room/CircleControls';
import { CircleStage } from '../circles/room/CircleStage';
import { EncryptedMark } from '../circles/room/EncryptedMark';
import { MediaUnavailableNotice } from '../circles/room/MediaUnavailableNotice';
import { useRoomConnection } from '../circles/room/useRoomConnection';
import { DisplayNameField, useDisplayName } from '../media/DisplayNameField';
import { MediaCheck, useMediaCheck } from '../media/MediaCheck';
import { canEncryptMedia, useEncryptedRoom } from '../media/mediaE2ee';
import { useT } from '../i18n/useT';
import { useStore, type MediaChoices } from '../store';
import { AppHeader } from '../ui/AppHeader';
import { CrisisLine } from '../ui/CrisisLine';
import { ErrorLine } from '../ui/ErrorLine';
import { defaultDisplayName, recallChoices, rememberChoice, rememberChoices } from '../ui/rememberedChoices';
import { useAction } from '../ui/useAction';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { enterPairRoom } from './matchingApi';
import { MatchingLayout } from './MatchingLayout';

/** Why the room cannot open in a browser that cannot encrypt: never unencrypted media. */
const PAIR_E2EE_UNSUPPORTED = 'matching.room.e2eeUnsupported';

type Admitted = { media: Extract<JoinMedia, { available: true }>; e2ee: E2eeKeyGrant; choices: MediaChoices };

/**
 * /support/matches/:id/room — the private video room of a matched caller and volunteer, with the circle's own
 * pre-join check (nothing turns on until the person says so) and the circle's call screen, less what a pair does
 * not need (hands, reactions, chat, moderation). Nothing is recorded; tokens are short-lived and only the two
 * people of an active match get one. Audio and video are end-to-end encrypted with the room's key, which comes
 * with the admission: LiveKit relays frames it cannot read.
 */
export function PairRoomPage() {
  const t = useT();
  const { id = '' } = useParams();
  const firstName = useStore((s) => s.user?.firstName ?? '');
  const userId = useStore((s) => s.user?.id ?? '');
  const [remembered] = useState(() => recallChoices(userId));
  const check = useMediaCheck(remembered);
  const displayName = useDisplayName(defaultDisplayName(remembered.displayName, firstName));
  const [admitted, setAdmitted] = useState<Admitted | null>(null);
  const [unavailable, setUnavailable] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  const [encryptable] = useState(canEncryptMedia);

  async function enter(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const name = displayName.check();
    if (name === null) return;
    await run(async () => {
      const response = await enterPairRoom(id, name);
      if (!response.media.available || !response.e2ee) {
        setUnavailable(response.media.available ? t(PAIR_E2EE_UNSUPPORTED) : response.media.message);
        return;
      }
      const choices = check.choices(name);
      rememberChoices(userId, choices);
      check.release();
      setUnavailable(null);
      setAdmitted({ media: response.media, e2ee: response.e2ee, choices });
    });
  }

  if (admitted) return <PairCall admitted={admitted} onLeft={() => setAdmitted(null)} />;

  return (
    <MatchingLayout title={t('matching.room.title')}>
      <p>{t('matching.room.intro')}</p>
      {!encryptable && (
        <div role="alert" className="notice" data-testid="e2ee-unsupported">
          <p>{t(PAIR_E2EE_UNSUPPORTED)}</p>
        </div>
      )}
      <form className="prejoin-grid" onSubmit={enter} noValidate>
        <MediaCheck check={check} />
        <section className="card enter" aria-labelledby="pair-enter-heading">
          <h2 id="pair-enter-heading">{t('matching.room.before')}</h2>
          <DisplayNameField {...displayName.field} inputRef={displayName.inputRef} label={t('matching.room.nameLabel')} hint={t('matching.room.nameHint')} />
          <ErrorLine message={unavailable ?? error} />
          {encryptable && (
            <button type="submit" className="button primary" disabled={busy}>
              {t('matching.room.enter')}
            </button>
          )}
          <p>
            <Link to="/support">{t('matching.back')}</Link>
          </p>
        </section>
      </form>
    </MatchingLayout>
  );
}

/**
 * The pair's call, encrypted: the key goes into the room's key provider and encryption is switched on before
 * anything connects (useRoomConnection), so no frame leaves or plays unencrypted. Camera and microphone come on
 * only as chosen before entering.
 */
function PairCall({ admitted, onLeft }: { admitted: Admitted; onLeft: () => void }) {
  const t = useT();
  useDocumentTitle(t('matching.room.title'));
  const { choices } = admitted;
  const { room, keys } = useEncryptedRoom({
    adaptiveStream: true,
    dynacast: true,
    videoCaptureDefaults: choices.cameraDeviceId ? { deviceId: choices.cameraDeviceId } : undefined,
    audioCaptureDefaults: choices.microphoneDeviceId ? { deviceId: choices.microphoneDeviceId } : undefined,
    audioOutput: choices.speakerDeviceId ? { deviceId: choices.speakerDeviceId } : undefined,
  });
  const [keyReady, setKeyReady] = useState(false);
  useEffect(() => {
    let active = true;
    void keys.setGrant(admitted.e2ee).then(() => active && setKeyReady(true));
    return () => {
      active = false;
    };
  }, [keys, admitted.e2ee]);
  const { connection, deviceMessage, setDeviceMessage } = useRoomConnection(room, admitted.media.serverUrl, admitted.media.token, choices, keyReady);
  const userId = useStore((s) => s.user?.id ?? '');
  const blur = useCircleBlur(choices.blurBackground, (on) => rememberChoice(userId, { blurBackground: on }));
  const [leaving, setLeaving] = useState(false);
  const yourName = choices.displayName;

  async function leave() {
    setLeaving(true);
    await room.disconnect().catch(() => undefined);
    onLeft();
  }

  return (
    <RoomContext.Provider value={room}>
      <AppHeader />
      <main className="page circle-page pair-room">
        <div className="circle-header">
          <h1>{t('matching.room.title')}</h1>
          <p className="not-recorded">{t('matching.room.notRecorded')}</p>
        </div>
        {connection.phase === 'connected' && (
          <>
            <EncryptedMark epoch={admitted.e2ee.epoch} />
            <RoomAudioRenderer />
            <BlurredCamera on={blur.on} onFailed={blur.failed} />
          </>
        )}
        <div className="circle-main">
          {connection.phase === 'connected' ? (
            <>
              <CircleStage nameOf={(p) => (p.isLocal ? yourName : t('matching.room.yourPeer'))} />
              <WaitingForPeer />
              <DevicesCard onDeviceMessage={setDeviceMessage} deviceMessage={deviceMessage} blur={blur} />
            </>
          ) : connection.phase === 'connecting' ? (
            <Connecting>{t('matching.room.connecting')}</Connecting>
          ) : (
            <MediaUnavailableNotice message={connection.message} onRetry={onLeft} retrying={false} retryError={null} />
          )}
          <CrisisLine />
        </div>
        <CallToolbar
          media={connection.phase === 'connected' && <MediaToggles onDeviceMessage={setDeviceMessage} />}
          onLeave={() => void leave()}
          leaving={leaving}
        />
      </main>
    </RoomContext.Provider>
  );
}

/** Until the peer arrives, a word that this is the right place. */
function WaitingForPeer() {
  const t = useT();
  const others = useRemoteParticipants();
  return (
    <p role="status" className={others.length === 0 ? 'waiting' : 'visually-hidden'}>
      {others.length === 0 ? t('matching.room.waiting') : ''}
    </p>
  );
}
