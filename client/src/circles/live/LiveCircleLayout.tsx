import type { ReactNode } from 'react';
import { ChatPanel } from './ChatPanel';
import { CrisisPanel } from './CrisisPanel';
import { HandsPanel } from './HandsPanel';
import { HostControls } from './HostControls';
import { LiveNotices } from './LiveNotices';
import { PeoplePanel } from './PeoplePanel';
import { ReactionBar } from './ReactionBar';
import { SupportPanel } from './SupportPanel';
import { TopicCard } from './TopicCard';

/**
 * The live circle around whatever media there is: the stage (video, or a notice in text-only mode) on the left,
 * people, hands and chat on the right. Everything here works without audio and video.
 */
export function LiveCircleLayout({ stage, controls }: { stage: ReactNode; controls?: ReactNode }) {
  return (
    <>
      <LiveNotices />
      <div className="circle-layout">
        <div className="circle-main">
          <TopicCard />
          {stage}
          <div className="circle-actions">
            {controls}
            <ReactionBar />
          </div>
          <HostControls />
          <SupportPanel />
          <CrisisPanel />
        </div>
        <div className="circle-side">
          <PeoplePanel />
          <HandsPanel />
          <ChatPanel />
        </div>
      </div>
    </>
  );
}
