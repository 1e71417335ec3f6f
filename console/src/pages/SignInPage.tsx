import Visibility from '@mui/icons-material/Visibility';
import VisibilityOff from '@mui/icons-material/VisibilityOff';
import {
  Alert,
  Box,
  Button,
  CircularProgress,
  IconButton,
  InputAdornment,
  Paper,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useState, type FormEvent } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { Problem } from '../api/problem';
import { fieldErrors } from '../api/problem';
import { NEW_DEVICE_CODE, NEW_DEVICE_SELFIE, useAuth } from '../auth/context';
import { describeProblem } from '../components/ProblemAlert';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { useI18n } from '../i18n/context';
import { returnPath } from '../nav';

type Outcome =
  | { kind: 'refused' }
  | { kind: 'problem'; problem: Problem }
  | { kind: 'step'; problem: Problem }
  | { kind: 'required' }
  | null;

export function SignInPage() {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const { state, login, loginWithSelfie } = useAuth();
  const location = useLocation();
  const [phone, setPhone] = useState('');
  const [password, setPassword] = useState('');
  const [otp, setOtp] = useState('');
  const [needsCode, setNeedsCode] = useState(false);
  const [ticket, setTicket] = useState<string | null>(null);
  const [selfie, setSelfie] = useState<File | null>(null);
  const [showPassword, setShowPassword] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);

  if (state.status === 'signedIn') {
    const from = (location.state as { from?: unknown } | null)?.from;
    return <Navigate to={returnPath(from, state.user.permissions)} replace />;
  }

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    if (ticket) {
      if (!selfie) return;
      setBusy(true);
      const result = await loginWithSelfie(ticket, selfie);
      setBusy(false);
      if (result.ok) return;
      if ('problem' in result) {
        setOutcome({ kind: 'problem', problem: result.problem });
        // No tries left or an expired ticket: start again from the password.
        if (result.problem.code === 'device_ticket_invalid' || result.problem.triesLeft === 0) {
          setTicket(null);
          setNeedsCode(false);
          setPassword('');
        }
      } else setOutcome({ kind: 'refused' });
      setSelfie(null);
      return;
    }
    if (!phone.trim() || !password) {
      setOutcome({ kind: 'required' });
      return;
    }
    setBusy(true);
    setOutcome(null);
    const result = await login(phone.trim(), password, needsCode ? otp.trim() : undefined);
    setBusy(false);
    if (result.ok) return;
    if ('problem' in result && result.problem.code === NEW_DEVICE_SELFIE && result.problem.ticket) {
      setTicket(result.problem.ticket);
      setOutcome({ kind: 'step', problem: result.problem });
      return;
    }
    if ('problem' in result && result.problem.code === NEW_DEVICE_CODE) {
      // A workstation this account has not used: keep the password, ask for the SMS code.
      setNeedsCode(true);
      setOutcome({ kind: 'step', problem: result.problem });
      return;
    }
    if (!needsCode) setPassword('');
    setOtp('');
    setOutcome('refused' in result ? { kind: 'refused' } : { kind: 'problem', problem: result.problem });
  };

  const fields = outcome?.kind === 'problem' ? fieldErrors(outcome.problem, lang) : {};
  const expired = state.status === 'signedOut' && state.reason === 'expired' && outcome === null;

  return (
    <Box
      component="main"
      sx={{
        minHeight: '100vh',
        display: 'grid',
        placeItems: 'center',
        p: 2,
        background: 'linear-gradient(160deg, #0b4a8b 0%, #082f59 60%, #051c36 100%)',
      }}
    >
      <Box sx={{ position: 'absolute', top: 16, right: 16 }}>
        <LanguageSwitch inverted />
      </Box>
      <Paper elevation={8} sx={{ width: '100%', maxWidth: 420, p: { xs: 3, sm: 4 } }}>
        <Stack component="form" spacing={2.5} noValidate onSubmit={onSubmit} aria-labelledby="login-title">
          <Box>
            <Typography variant="overline" color="primary" sx={{ fontWeight: 700, letterSpacing: 1.5 }}>
              {t('app.shortTitle')}
            </Typography>
            <Typography id="login-title" variant="h1" component="h1">
              {t('login.title')}
            </Typography>
            <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
              {t('login.subtitle')}
            </Typography>
          </Box>

          {outcome?.kind === 'refused' ? (
            <Alert severity="warning" data-testid="login-refused" role="alert">
              {t('login.refused')}
            </Alert>
          ) : null}
          {outcome?.kind === 'problem' ? (
            <Alert severity="error" data-testid="login-error" role="alert">
              {describeProblem(outcome.problem, i18n)}
            </Alert>
          ) : null}
          {outcome?.kind === 'step' ? (
            <Alert severity="info" data-testid="login-step" role="status">
              {describeProblem(outcome.problem, i18n)}
            </Alert>
          ) : null}
          {outcome?.kind === 'required' ? (
            <Alert severity="error" role="alert">
              {t('login.required')}
            </Alert>
          ) : null}
          {expired ? (
            <Alert severity="info" data-testid="session-expired">
              {t('login.sessionExpired')}
            </Alert>
          ) : null}

          <TextField
            name="phone"
            label={t('login.phone')}
            value={phone}
            onChange={(e) => setPhone(e.target.value)}
            autoComplete="username"
            autoFocus
            required
            fullWidth
            error={Boolean(fields.phone)}
            helperText={fields.phone}
            slotProps={{ htmlInput: { inputMode: 'tel', 'data-testid': 'login-phone' } }}
          />
          <TextField
            name="password"
            label={t('login.password')}
            type={showPassword ? 'text' : 'password'}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoComplete="current-password"
            required
            fullWidth
            error={Boolean(fields.password)}
            helperText={fields.password}
            slotProps={{
              htmlInput: { 'data-testid': 'login-password' },
              input: {
                endAdornment: (
                  <InputAdornment position="end">
                    <IconButton
                      aria-label={showPassword ? t('login.hidePassword') : t('login.showPassword')}
                      onClick={() => setShowPassword((v) => !v)}
                      edge="end"
                    >
                      {showPassword ? <VisibilityOff /> : <Visibility />}
                    </IconButton>
                  </InputAdornment>
                ),
              },
            }}
          />
          {ticket ? (
            <Stack spacing={1}>
              <Typography variant="body2">{t('login.selfieHint')}</Typography>
              <Button variant="outlined" component="label" data-testid="login-selfie-pick">
                {selfie ? selfie.name : t('login.selfiePick')}
                <input
                  hidden
                  type="file"
                  accept="image/jpeg,image/png,image/webp"
                  capture="user"
                  data-testid="login-selfie"
                  onChange={(e) => setSelfie(e.target.files?.[0] ?? null)}
                />
              </Button>
            </Stack>
          ) : null}
          {needsCode && !ticket ? (
            <TextField
              name="otp"
              label={t('login.otp')}
              value={otp}
              onChange={(e) => setOtp(e.target.value.replace(/\D/g, '').slice(0, 6))}
              autoComplete="one-time-code"
              autoFocus
              required
              fullWidth
              error={Boolean(fields.otp)}
              helperText={fields.otp ?? t('login.otpHint')}
              slotProps={{ htmlInput: { inputMode: 'numeric', 'data-testid': 'login-otp' } }}
            />
          ) : null}
          <Button
            type="submit"
            variant="contained"
            size="large"
            disabled={busy}
            data-testid="login-submit"
            startIcon={busy ? <CircularProgress size={18} color="inherit" /> : undefined}
          >
            {busy ? t('login.submitting') : t('login.submit')}
          </Button>
        </Stack>
      </Paper>
    </Box>
  );
}
