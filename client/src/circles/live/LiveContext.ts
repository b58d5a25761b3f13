import { createContext, useContext } from 'react';
import type { CircleSocket } from '../../api/createCircleSocket';

export const LiveContext = createContext<CircleSocket | null>(null);

/** The circle's socket; an early, clear error when used outside the live circle. */
export function useCircleSocket(): CircleSocket {
  const socket = useContext(LiveContext);
  if (!socket) throw new Error('useCircleSocket must be used inside <LiveContext.Provider> (the circle page)');
  return socket;
}
