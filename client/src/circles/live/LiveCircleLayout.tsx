import type { ReactNode } from 'react';
import { CallToolbar } from './CallToolbar';
import { ChatPanel } from './ChatPanel';
import { CrisisPanel } from './CrisisPanel';
import { HandsPanel } from './HandsPanel';
import { HandToggle } from './HandToggle';
import { HostControls } from './HostControls';
import { KnocksPanel } from './KnocksPanel';
import { LiveAnnouncer } from './LiveAnnouncer';
import { LiveNotices } from './LiveNotices';
import { PeoplePanel } from './PeoplePanel';
import { ReactionBar } from './ReactionBar';
import { SheetToggles, SidePanels, useSheets } from './SidePanels';
import { SupportPanel } from './SupportPanel';
import { TopicCard } from './TopicCard';
import { useT } from '../../i18n/useT';

/**
 * The live circle around whatever media there is: the stage (video, or a notice in text-only mode) on the left,
 * people, hands and chat on the right (sheets opened from the toolbar on a narrow screen), and the call toolbar
 * kept at the bottom of the window. Everything here works without audio and video.
 */
export function LiveCircleLayout(props: { stage: ReactNode; media?: ReactNode; devices?: ReactNode; onLeave: () => void; leaving: boolean }) {
  const t = useT();
  const sheets = useSheets();
  return (
    <>
      <a className="skip-link" href="#call-controls">
        {t('circles.toolbar.skip')}
      </a>
      <LiveAnnouncer />
      <div className="circle-layout">
        <div className="circle-main">
          <KnocksPanel />
          <TopicCard />
          {props.stage}
          {props.devices}
          <HostControls />
          <SupportPanel />
          <CrisisPanel />
        </div>
        <SidePanels
          open={sheets.open}
          onClose={sheets.close}
          people={
            <>
              <PeoplePanel />
              <HandsPanel />
            </>
          }
          chat={<ChatPanel />}
        />
      </div>
      <CallToolbar
        media={props.media}
        extras={
          <>
            <HandToggle />
            <ReactionBar />
            <SheetToggles open={sheets.open} onToggle={sheets.toggle} />
          </>
        }
        notices={<LiveNotices />}
        onLeave={props.onLeave}
        leaving={props.leaving}
      />
    </>
  );
}
