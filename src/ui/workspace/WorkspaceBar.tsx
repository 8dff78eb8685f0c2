import { TabStrip } from './TabStrip';
import { WorkspaceNoticeBanner } from './WorkspaceNoticeBanner';
import { SaveQueryDialog } from './SaveQueryDialog';
import { useWorkspaceShortcuts } from './useWorkspaceShortcuts';
import { useShareLinkOpener } from './useShareLinkOpener';
import './workspace.css';

/**
 * The workspace above the query toolbar: a notice banner when needed, the query tabs, the
 * save dialog, and the page-wide workspace behaviour (shortcuts, opening shared links).
 */
export function WorkspaceBar(): React.JSX.Element {
  useWorkspaceShortcuts();
  useShareLinkOpener();
  return (
    <>
      <WorkspaceNoticeBanner />
      <TabStrip />
      <SaveQueryDialog />
    </>
  );
}
