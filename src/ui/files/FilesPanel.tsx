import { useAppStore } from '../../state';
import { OpenFilesButton } from './OpenFilesButton';
import { LoadProgress } from './LoadProgress';
import { FileSummaryPanel } from './FileSummaryPanel';
import './files.css';

/** The file controls of the side panel: open button, progress while loading, summary after. */
export function FilesPanel(): React.JSX.Element {
  const load = useAppStore((s) => s.fileLoad);
  let status: React.JSX.Element | null;
  switch (load.status) {
    case 'idle':
      status = null;
      break;
    case 'loading':
      status = <LoadProgress load={load} />;
      break;
    case 'done':
    case 'failed':
    case 'cancelled':
      status = <FileSummaryPanel load={load} />;
      break;
    default: {
      const never: never = load;
      status = never;
    }
  }
  return (
    <div className="files-panel">
      <OpenFilesButton />
      {status}
    </div>
  );
}
