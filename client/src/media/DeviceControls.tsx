import type { ReactNode } from 'react';
import { useT } from '../i18n/useT';
import { DeviceSelect } from '../ui/DeviceSelect';
import { ToggleButton } from '../ui/ToggleButton';

/** One device as its on/off button and its picker show it. */
export interface DeviceControl {
  device: 'camera' | 'microphone';
  on: boolean;
  onToggle: () => void;
  busy?: boolean;
  disabled?: boolean;
  describedBy?: string | undefined;
  devices: MediaDeviceInfo[];
  deviceId: string;
  onChoose: (deviceId: string) => void;
}

/**
 * The camera and microphone controls of a pre-join check: an on/off button per device (and any other toggle),
 * then whatever `children` say about them, then a picker per device (and any other picker), in the order given.
 */
export function DeviceControls(props: { devices: DeviceControl[]; extraToggles?: ReactNode; extraPickers?: ReactNode; children?: ReactNode }) {
  const t = useT();
  const { devices, children } = props;
  const label = (d: DeviceControl) => (d.device === 'camera' ? t('media.camera') : t('media.microphone'));
  const defaultLabel = (d: DeviceControl) => (d.device === 'camera' ? t('media.defaultCamera') : t('media.defaultMicrophone'));
  return (
    <>
      <div className="toggles">
        {devices.map((d) => (
          <ToggleButton key={d.device} label={label(d)} pressed={d.on} busy={d.busy} disabled={d.disabled} describedBy={d.describedBy} onToggle={d.onToggle} />
        ))}
        {props.extraToggles}
      </div>
      {children}
      <div className="device-pickers">
        {devices.map((d) => (
          <DeviceSelect key={d.device} label={label(d)} devices={d.devices} value={d.deviceId} onChange={d.onChoose} defaultLabel={defaultLabel(d)} />
        ))}
        {props.extraPickers}
      </div>
    </>
  );
}
