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
 * The camera and microphone controls of the pre-join page and of the circle: an on/off button per device, then
 * whatever `children` say about them, then a picker per device, in the order given.
 */
export function DeviceControls({ devices, children }: { devices: DeviceControl[]; children?: ReactNode }) {
  return (
    <>
      <div className="toggles">
        {devices.map((d) => (
          <ToggleButton key={d.label} label={d.label} pressed={d.on} busy={d.busy} disabled={d.disabled} describedBy={d.describedBy} onToggle={d.onToggle} />
        ))}
      </div>
      {children}
      <div className="device-pickers">
        {devices.map((d) => (
          <DeviceSelect key={d.label} label={d.label} devices={d.devices} value={d.deviceId} onChange={d.onChoose} defaultLabel={`Default ${d.label.toLowerCase()}`} />
        ))}
      </div>
    </>
  );
}
