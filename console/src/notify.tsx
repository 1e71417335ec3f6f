import { Alert, Snackbar } from '@mui/material';
import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';

type Severity = 'success' | 'error' | 'info';
interface Toast {
  id: number;
  message: string;
  severity: Severity;
}

const NotifyContext = createContext<(message: string, severity?: Severity) => void>(() => undefined);

export function useNotify() {
  return useContext(NotifyContext);
}

/** Snackbar after each operator action. */
export function NotifyProvider({ children }: { children: ReactNode }) {
  const [toast, setToast] = useState<Toast>({ id: 0, message: '', severity: 'info' });
  const [open, setOpen] = useState(false);
  const notify = useCallback((message: string, severity: Severity = 'success') => {
    setToast((prev) => ({ id: prev.id + 1, message, severity }));
    setOpen(true);
  }, []);
  const close = () => setOpen(false);
  return (
    <NotifyContext.Provider value={notify}>
      {children}
      <Snackbar
        key={toast.id}
        open={open}
        autoHideDuration={toast.severity === 'error' ? 8000 : 4000}
        onClose={(_e, reason) => {
          if (reason !== 'clickaway') close();
        }}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
      >
        <Alert
          onClose={close}
          severity={toast.severity}
          variant="filled"
          sx={{ width: '100%' }}
          data-testid="snackbar"
        >
          {toast.message}
        </Alert>
      </Snackbar>
    </NotifyContext.Provider>
  );
}
