import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import ErrorIcon from '@mui/icons-material/Error';
import { List, ListItem, ListItemIcon, ListItemText } from '@mui/material';
import { useState } from 'react';
import { asProblem, type Problem } from '../api/problem';
import { useNotify } from '../notify';

/** One outcome of a bulk action, as the api answers it: done, or refused with a code. */
export interface BulkItem {
  id: string;
  ok: boolean;
  /** Where the api tells: false when there was nothing to do (e.g. the role was already held). */
  changed?: boolean;
  code: string | null;
}

/**
 * Runs a bulk action once: keeps its outcomes, says how many went through (success when all did), hands the
 * refused ids to `onDone` (they stay selected), and keeps a failure of the whole request as a problem to show.
 */
export function useBulkRun(done: (ok: number, total: number) => string, onDone: (refused: string[]) => void) {
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem>();
  const [result, setResult] = useState<BulkItem[]>();
  const run = async (call: () => Promise<{ items: BulkItem[] }>) => {
    setBusy(true);
    setProblem(undefined);
    try {
      const { items } = await call();
      setResult(items);
      const ok = items.filter((i) => i.ok).length;
      notify(done(ok, items.length), ok === items.length ? 'success' : 'info');
      onDone(items.filter((i) => !i.ok).map((i) => i.id));
    } catch (err) {
      setProblem(asProblem(err));
    } finally {
      setBusy(false);
    }
  };
  return { busy, problem, result, run };
}

/** One line per item: its name, and what happened to it in words. */
export function BulkResultList({
  items,
  nameOf,
  okText,
  failure,
  testId,
}: {
  items: BulkItem[];
  nameOf: (id: string) => string;
  okText: (item: BulkItem) => string;
  failure: (code: string | null) => string;
  testId: string;
}) {
  return (
    <List dense data-testid={testId}>
      {items.map((r) => (
        <ListItem key={r.id} data-ok={r.ok}>
          <ListItemIcon sx={{ minWidth: 36 }}>
            {r.ok ? <CheckCircleIcon color="success" /> : <ErrorIcon color="error" />}
          </ListItemIcon>
          <ListItemText primary={nameOf(r.id)} secondary={r.ok ? okText(r) : failure(r.code)} />
        </ListItem>
      ))}
    </List>
  );
}
