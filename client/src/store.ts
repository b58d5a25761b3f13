import { create, type StateCreator } from 'zustand';
import type { PublicUser, SessionResponse } from '../../shared/schemas/auth';
import type { PublicProgram } from '../../shared/schemas/program';
import type { Locale } from '../../shared/i18n/locales';
import { initialLocale } from './i18n/browserLocale';
import type { JoinResponse } from '../../shared/schemas/circles';
import { DEFAULT_WEIGHTS, type Weights } from '../../shared/schemas/matching';
import { createLiveSlice, type LiveSlice } from './circles/live/liveSlice';
import { createInboxSlice, type InboxSlice } from './inbox/inboxSlice';

/** Who is signed in, and the CSRF token every POST carries. `checked` is false until the first session fetch. */
export interface SessionSlice {
  user: PublicUser | null;
  csrfToken: string | null;
  /** The signed-in person wears the red mug now (a volunteer whose training and undertaking are current). */
  redMug: boolean;
  /** The language every page is in (the server's answer: the person's choice, their browser's, the program's). */
  locale: Locale;
  /** The program, in that language; null until the first session answer. */
  program: PublicProgram | null;
  checked: boolean;
  /** Every SessionResponse (session, login, logout, accept-invite) carries a new token: always replace it. */
  setSession: (res: SessionResponse) => void;
  clearUser: () => void;
}

/** What the person chose on the pre-join page, carried into the circle. Empty device id = system default. */
export interface MediaChoices {
  cameraEnabled: boolean;
  microphoneEnabled: boolean;
  cameraDeviceId: string;
  microphoneDeviceId: string;
  speakerDeviceId: string;
  blurBackground: boolean;
  displayName: string;
}

export interface Admission {
  sessionId: string;
  response: JoinResponse;
  choices: MediaChoices;
}

/**
 * The admission the circle page needs. Kept in memory only: a reload loses the short-lived LiveKit token on
 * purpose, and the circle page sends the person back to pre-join for a fresh one.
 */
export interface JoinSlice {
  admission: Admission | null;
  setAdmission: (admission: Admission) => void;
  /** A fresh join (try again) keeps the person's choices. */
  replaceJoinResponse: (response: JoinResponse) => void;
  clearAdmission: () => void;
}

/** Staff's matching weights, kept while they move between requests in one visit. */
export interface MatchingSlice {
  weights: Weights;
  setWeights: (weights: Weights) => void;
}

export type StoreState = SessionSlice & JoinSlice & LiveSlice & MatchingSlice & InboxSlice;

const createSessionSlice: StateCreator<StoreState, [], [], SessionSlice> = (set) => ({
  user: null,
  csrfToken: null,
  redMug: false,
  locale: initialLocale(),
  program: null,
  checked: false,
  setSession: (res) =>
    set((s) => ({
      user: res.user,
      csrfToken: res.csrfToken,
      redMug: res.redMug,
      locale: res.locale,
      program: res.program,
      checked: true,
      // An admission belongs to the person who was admitted.
      ...(res.user?.id === s.user?.id ? {} : { admission: null }),
    })),
  // Signing out or losing the session also forgets any admission to a circle.
  clearUser: () => set({ user: null, redMug: false, admission: null }),
});

const createJoinSlice: StateCreator<StoreState, [], [], JoinSlice> = (set) => ({
  admission: null,
  setAdmission: (admission) => set({ admission }),
  replaceJoinResponse: (response) =>
    set((s) => (s.admission ? { admission: { ...s.admission, response } } : {})),
  clearAdmission: () => set({ admission: null }),
});

const createMatchingSlice: StateCreator<StoreState, [], [], MatchingSlice> = (set) => ({
  weights: DEFAULT_WEIGHTS,
  setWeights: (weights) => set({ weights }),
});

export const useStore = create<StoreState>()((...a) => ({
  ...createSessionSlice(...a),
  ...createJoinSlice(...a),
  // The live slice only reads and writes its own keys, so it is written against itself (and tested alone).
  ...createLiveSlice(...(a as unknown as Parameters<typeof createLiveSlice>)),
  ...createMatchingSlice(...a),
  ...createInboxSlice(...(a as unknown as Parameters<typeof createInboxSlice>)),
}));
