import { useCallback, useId, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { DisplayName, OutsideWindowData, type CircleSession } from '../../../../shared/schemas/circles';
import { ApiError, messageOf } from '../../api/ApiError';
import { AppHeader } from '../../ui/AppHeader';
import { fetchCircleSession, joinCircle } from '../circlesApi';
import { CircleTimes } from '../CircleTimes';
import { doorsOpen } from '../../ui/formatCircleTime';
import { useStore } from '../../store';
import { CrisisLine } from '../../ui/CrisisLine';
import { DeviceSelect, shownDeviceId } from '../../ui/DeviceSelect';
import { mediaErrorMessage } from '../../ui/mediaErrorMessage';
import { ToggleButton } from '../../ui/ToggleButton';
import { ErrorLine } from '../../ui/ErrorLine';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useLoad } from '../../ui/useLoad';
import { CameraPreview } from './CameraPreview';
import { MicLevelMeter } from './MicLevelMeter';
import { useLocalDevices } from './useLocalDevices';
import { usePreviewTrack } from './usePreviewTrack';

const MAX_NAME = 40;

/** /circles/:sessionId/join — check camera and microphone, choose a name, read the ground rules, go in. */
export function PreJoinPage() {
  useDocumentTitle('Get ready to join');
  const { sessionId = '' } = useParams();
  const navigate = useNavigate();
  const firstName = useStore((s) => s.user?.firstName ?? '');
  const setAdmission = useStore((s) => s.setAdmission);
  const nameId = useId();

  const { state: session } = useLoad(useCallback(() => fetchCircleSession(sessionId), [sessionId]));

  // Both off until the person turns them on: nobody is seen or heard by surprise.
  const [cameraOn, setCameraOn] = useState(false);
  const [micOn, setMicOn] = useState(false);
  const [cameraDeviceId, setCameraDeviceId] = useState('');
  const [micDeviceId, setMicDeviceId] = useState('');
  const [cameraError, setCameraError] = useState<string | null>(null);
  const [micError, setMicError] = useState<string | null>(null);

  const onCameraError = useCallback((err: unknown) => {
    setCameraOn(false);
    setCameraError(mediaErrorMessage('camera', err));
  }, []);
  const onMicError = useCallback((err: unknown) => {
    setMicOn(false);
    setMicError(mediaErrorMessage('microphone', err));
  }, []);
  const videoTrack = usePreviewTrack('video', cameraOn, cameraDeviceId, onCameraError);
  const audioTrack = usePreviewTrack('audio', micOn, micDeviceId, onMicError);
  const cameras = useLocalDevices('videoinput', videoTrack);
  const mics = useLocalDevices('audioinput', audioTrack);
  // What each picker shows: the person's pick, else the device the preview is using, else the first listed.
  const cameraShown = shownDeviceId(cameras, cameraDeviceId || (videoTrack?.mediaStreamTrack.getSettings().deviceId ?? ''));
  const micShown = shownDeviceId(mics, micDeviceId || (audioTrack?.mediaStreamTrack.getSettings().deviceId ?? ''));

  const [displayName, setDisplayName] = useState(firstName.slice(0, MAX_NAME));
  const [nameError, setNameError] = useState<string | null>(null);
  const nameInput = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [joinError, setJoinError] = useState<{ message: string; opensAt: string | null } | null>(null);

  async function enter(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const name = DisplayName.safeParse(displayName);
    if (!name.success) {
      setNameError(name.error.issues[0]?.message ?? 'Enter the name you want to show');
      nameInput.current?.focus();
      return;
    }
    setNameError(null);
    setJoinError(null);
    setBusy(true);
    try {
      const response = await joinCircle(sessionId, name.data);
      // Release the preview devices before the circle captures them again.
      videoTrack?.stop();
      audioTrack?.stop();
      setAdmission({
        sessionId,
        response,
        choices: {
          displayName: name.data,
          cameraEnabled: cameraOn,
          microphoneEnabled: micOn,
          cameraDeviceId: cameraShown,
          microphoneDeviceId: micShown,
        },
      });
      navigate(`/circles/${encodeURIComponent(sessionId)}`);
    } catch (err) {
      let opensAt: string | null = null;
      if (err instanceof ApiError && err.code === 'OUTSIDE_WINDOW') {
        const data = OutsideWindowData.safeParse(err.data);
        if (data.success) opensAt = data.data.opensAtLocal;
      }
      setJoinError({ message: messageOf(err), opensAt });
      setBusy(false);
    }
  }

  return (
    <>
      <AppHeader />
      <main className="page prejoin">
        <p className="back-link">
          <Link to="/">← Back to the home page</Link>
        </p>
        <h1>Get ready to join</h1>
        {session.status === 'ready' && <CircleSummary session={session.data} />}
        <ErrorLine message={session.status === 'error' ? session.message : null} />

        <form className="prejoin-grid" onSubmit={enter} noValidate>
          <section className="card media-check" aria-labelledby="media-check-heading">
            <h2 id="media-check-heading">Camera and microphone</h2>
            <p className="hint">Both start off. Turn them on to check how you look and sound; you can change this inside.</p>
            <CameraPreview track={videoTrack} />
            <div className="toggles">
              <ToggleButton
                label="Camera"
                pressed={cameraOn}
                onToggle={() => {
                  setCameraError(null);
                  setCameraOn((on) => !on);
                }}
              />
              <ToggleButton
                label="Microphone"
                pressed={micOn}
                onToggle={() => {
                  setMicError(null);
                  setMicOn((on) => !on);
                }}
              />
            </div>
            {(cameraError || micError) && (
              <div role="status" className="device-errors">
                {cameraError && <p className="error">{cameraError}</p>}
                {micError && <p className="error">{micError}</p>}
              </div>
            )}
            <MicLevelMeter track={audioTrack} />
            <div className="device-pickers">
              <DeviceSelect
                label="Camera"
                devices={cameras}
                value={cameraShown}
                onChange={setCameraDeviceId}
                defaultLabel="Default camera"
              />
              <DeviceSelect
                label="Microphone"
                devices={mics}
                value={micShown}
                onChange={setMicDeviceId}
                defaultLabel="Default microphone"
              />
            </div>
          </section>

          <section className="card enter" aria-labelledby="enter-heading">
            <h2 id="enter-heading">Before you enter</h2>
            <div className="field">
              <label htmlFor={nameId}>Display name</label>
              <input
                id={nameId}
                ref={nameInput}
                type="text"
                autoComplete="off"
                maxLength={MAX_NAME}
                value={displayName}
                onChange={(e) => setDisplayName(e.target.value)}
                aria-invalid={nameError ? true : undefined}
                aria-describedby={`${nameId}-hint${nameError ? ` ${nameId}-error` : ''}`}
              />
              <p id={`${nameId}-hint`} className="hint">
                The name others see in this circle. A first name or a nickname is fine.
              </p>
              {nameError && (
                <p id={`${nameId}-error`} className="field-error">
                  {nameError}
                </p>
              )}
            </div>
            <div className="confidentiality">
              <p>
                <strong>Nothing in a circle is recorded. What is shared here stays here.</strong>
              </p>
              <p>
                Highly personal issues are better suited to one-to-one matched peer support, where a trained volunteer
                is matched with you privately. Ask staff or a red mug volunteer about it.
              </p>
            </div>
            {joinError && (
              <div role="alert" className="error">
                <p>{joinError.message}</p>
                {joinError.opensAt && <p>{doorsOpen(joinError.opensAt)}.</p>}
              </div>
            )}
            <button type="submit" className="button primary" disabled={busy}>
              Enter the circle
            </button>
          </section>
        </form>
        <CrisisLine />
      </main>
    </>
  );
}

/** Which circle this is and when it meets; until the doors open, when they will. */
function CircleSummary({ session }: { session: CircleSession }) {
  return (
    <div className="prejoin-circle">
      <p className="prejoin-title">{session.title}</p>
      <p className="topic">{session.topic ? <>Topic: {session.topic}</> : 'Topic to be announced'}</p>
      <CircleTimes session={session} />
      {!session.isOpen && <p className="join-status">{doorsOpen(session.wallClock.opensAt)}.</p>}
    </div>
  );
}
