import { useId } from 'react';

/**
 * A labelled picker of one kind of device. Before permission is granted browsers list devices without ids or
 * labels; then the only choice is the system default.
 */
export function DeviceSelect(props: {
  label: string;
  devices: MediaDeviceInfo[];
  value: string;
  onChange: (deviceId: string) => void;
  defaultLabel: string;
}) {
  const id = useId();
  const options = props.devices
    .filter((d) => d.deviceId !== '')
    .map((d, i) => ({ value: d.deviceId, label: d.label || `${props.label} ${i + 1}` }));
  if (options.length === 0) options.push({ value: '', label: props.defaultLabel });
  const value = shownDeviceId(props.devices, props.value);
  return (
    <div className="field device-select">
      <label htmlFor={id}>{props.label}</label>
      <select id={id} value={value} onChange={(e) => props.onChange(e.target.value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The device id a DeviceSelect shows for `value` (the first listed one when `value` is not listed). */
export function shownDeviceId(devices: MediaDeviceInfo[], value: string): string {
  const ids = devices.map((d) => d.deviceId).filter((d) => d !== '');
  return ids.includes(value) ? value : (ids[0] ?? '');
}
