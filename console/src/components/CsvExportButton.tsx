import DownloadIcon from '@mui/icons-material/Download';
import { Button } from '@mui/material';
import { useState } from 'react';
import { asProblem } from '../api/problem';
import { useI18n } from '../i18n/context';
import { useNotify } from '../notify';
import { describeProblem } from './ProblemAlert';

/** Saves a blob under a file name through a temporary link. */
function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

interface Props {
  label: string;
  /** Fetches the file with the user's token (an api call with parseAs: 'blob'). */
  load: () => Promise<unknown>;
  fileName: string;
  /** The message once saved, e.g. "Đã tải {file}." */
  done: (file: string) => string;
  disabled?: boolean;
  testId: string;
}

/** A statistics page's CSV export: fetches with the session's token, saves under a telling name, says so. */
export function CsvExportButton({ label, load, fileName, done, disabled = false, testId }: Props) {
  const i18n = useI18n();
  const notify = useNotify();
  const [exporting, setExporting] = useState(false);
  const run = async () => {
    setExporting(true);
    try {
      saveBlob((await load()) as Blob, fileName);
      notify(done(fileName), 'success');
    } catch (err) {
      notify(describeProblem(asProblem(err), i18n), 'error');
    } finally {
      setExporting(false);
    }
  };
  return (
    <Button
      variant="contained"
      startIcon={<DownloadIcon />}
      onClick={run}
      disabled={exporting || disabled}
      data-testid={testId}
    >
      {label}
    </Button>
  );
}
