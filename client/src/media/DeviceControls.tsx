import type { ReactNode } from 'react';
import { DeviceSelect } from '../ui/DeviceSelect';
import { ToggleButton } from '../ui/ToggleButton';

/** One device as its on/off button and its picker show it. */
export interface DeviceControl {
  label: 'Camera' | 'Microphone';
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
  const { devices, children } = props;
  return (
    <>
      <div className="toggles">
        {devices.map((d) => (
          <ToggleButton key={d.label} label={d.label} pressed={d.on} busy={d.busy} disabled={d.disabled} describedBy={d.describedBy} onToggle={d.onToggle} />
        ))}
        {props.extraToggles}
      </div>
      {children}
      <div className="device-pickers">
        {devices.map((d) => (
          <DeviceSelect key={d.label} label={d.label} devices={d.devices} value={d.deviceId} onChange={d.onChoose} defaultLabel={`Default ${d.label.toLowerCase()}`} />
        ))}
        {props.extraPickers}
      </div>
    </>
  );
}
