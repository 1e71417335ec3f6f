import DownloadIcon from '@mui/icons-material/Download';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import {
  Alert,
  Button,
  Dialog,
  DialogContent,
  DialogContentText,
  DialogTitle,
  List,
  ListItem,
  ListItemText,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { asProblem, type Problem } from '../../api/problem';
import { DialogProblem, DialogButtons } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n/context';
import { useNotify } from '../../notify';
import { errorsByLine, importTemplate } from './csv';
import { importCameras } from './queries';

type Result = Awaited<ReturnType<typeof importCameras>>;

const MAX_BYTES = 2_000_000;

function download(text: string, name: string): void {
  const url = URL.createObjectURL(new Blob([`\uFEFF${text}`], { type: 'text/csv' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** CSV import: choose a file or paste; "Kiểm tra" checks every row and saves nothing; "Nhập" saves all rows or none. */
export function ImportDialog({ onClose, onImported }: { onClose: () => void; onImported: () => void }) {
  const { t, lang } = useI18n();
  const notify = useNotify();
  const [csv, setCsv] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Result | null>(null);
  const [problem, setProblem] = useState<Problem>();

  const chooseFile = async (file: File | undefined) => {
    if (!file) return;
    setResult(null);
    setProblem(undefined);
    if (file.size > MAX_BYTES) {
      setProblem({ status: 413, code: 'too_large', detail: `${file.name} > 2 MB` });
      return;
    }
    setFileName(file.name);
    setCsv((await file.text()).replace(/^\uFEFF/, ''));
  };

  const run = async (dryRun: boolean) => {
    if (!csv.trim()) {
      setProblem({ status: 400, code: 'empty', detail: t('camerasRegistry.import.empty') });
      return;
    }
    setBusy(true);
    setProblem(undefined);
    try {
      const r = await importCameras(csv, dryRun);
      setResult(r);
      if (!r.dryRun && r.errors.length === 0) {
        notify(t('camerasRegistry.import.done', { created: r.created, updated: r.updated }), 'success');
        onImported();
        onClose();
      }
    } catch (err) {
      setProblem(asProblem(err));
    } finally {
      setBusy(false);
    }
  };

  const lines = result ? errorsByLine(result.errors, lang) : [];
  return (
    <Dialog
      open
      onClose={busy ? undefined : onClose}
      maxWidth="md"
      fullWidth
      aria-labelledby="cam-import-title"
      data-testid="cam-import-dialog"
    >
      <DialogTitle id="cam-import-title">{t('camerasRegistry.import.title')}</DialogTitle>
      <DialogContent dividers>
        <DialogContentText sx={{ mb: 2 }}>{t('camerasRegistry.import.help')}</DialogContentText>
        <Stack direction="row" spacing={1} sx={{ mb: 2, alignItems: 'center', flexWrap: 'wrap' }}>
          <Button component="label" variant="outlined" startIcon={<UploadFileIcon />}>
            {t('camerasRegistry.import.choose')}
            <input
              hidden
              type="file"
              accept=".csv,text/csv"
              data-testid="cam-import-file"
              onChange={(e) => {
                void chooseFile(e.target.files?.[0]);
                e.target.value = '';
              }}
            />
          </Button>
          <Button
            startIcon={<DownloadIcon />}
            onClick={() => download(importTemplate(), 'mau-nhap-camera.csv')}
            data-testid="cam-import-template"
          >
            {t('camerasRegistry.import.template')}
          </Button>
          {fileName ? (
            <Typography variant="body2" color="text.secondary">
              {t('camerasRegistry.import.file', { name: fileName })}
            </Typography>
          ) : null}
        </Stack>
        <TextField
          label={t('camerasRegistry.import.paste')}
          value={csv}
          onChange={(e) => {
            setCsv(e.target.value);
            setFileName(null);
            setResult(null);
          }}
          multiline
          minRows={6}
          maxRows={14}
          fullWidth
          slotProps={{
            htmlInput: {
              spellCheck: false,
              'data-testid': 'cam-import-text',
              style: { fontFamily: 'ui-monospace, monospace', fontSize: 13, whiteSpace: 'pre' },
            },
          }}
        />
        {result && result.errors.length === 0 && result.dryRun ? (
          <Alert severity="success" sx={{ mt: 2 }} data-testid="cam-import-ok">
            {t('camerasRegistry.import.checkedOk', { created: result.created, updated: result.updated })}
          </Alert>
        ) : null}
        {lines.length > 0 ? (
          <Alert severity="error" sx={{ mt: 2 }} data-testid="cam-import-errors">
            {t('camerasRegistry.import.checkedErrors', { n: result?.errors.length ?? 0 })}
            <List dense disablePadding sx={{ mt: 1, maxHeight: 240, overflow: 'auto' }}>
              {lines.map((l) => (
                <ListItem key={l.line} disableGutters data-testid={`cam-import-line-${l.line}`}>
                  <ListItemText
                    primary={t('camerasRegistry.import.line', { line: l.line })}
                    secondary={l.messages.join(' · ')}
                    slotProps={{ primary: { sx: { fontWeight: 600 } } }}
                  />
                </ListItem>
              ))}
            </List>
          </Alert>
        ) : null}
        <DialogProblem problem={problem} />
      </DialogContent>
      <DialogButtons onCancel={onClose} busy={busy}>
        <Button
          variant="outlined"
          onClick={() => void run(true)}
          disabled={busy}
          data-testid="cam-import-check"
        >
          {t('camerasRegistry.import.check')}
        </Button>
        <Button
          variant="contained"
          onClick={() => void run(false)}
          disabled={busy}
          data-testid="cam-import-run"
        >
          {t('camerasRegistry.import.run')}
        </Button>
      </DialogButtons>
    </Dialog>
  );
}
