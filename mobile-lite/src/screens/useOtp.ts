import { useEffect, useState } from 'preact/hooks';
import { attempt } from '../api/call';
import { api } from '../api/client';
import type { ShownError } from '../api/problem';
import type { paths } from '../api/schema';

type Purpose = paths['/api/v1/auth/otp']['post']['requestBody']['content']['application/json']['purpose'];

/** Whole seconds until `start(seconds)`'s moment, ticking once a second while above zero. */
export function useCountdown() {
  const [until, setUntil] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  const secondsLeft = Math.max(0, Math.ceil((until - now) / 1000));
  useEffect(() => {
    if (secondsLeft <= 0) return;
    const timer = setTimeout(() => setNow(Date.now()), 1000);
    return () => clearTimeout(timer);
  }, [secondsLeft, now]);

  function start(seconds: number): void {
    const at = Date.now();
    setUntil(at + seconds * 1000);
    setNow(at);
  }

  return { secondsLeft, start, stop: () => setUntil(0) };
}

/** Asks the API to text a one-time code, and counts down until it may be sent again. */
export function useOtp(purpose: Purpose) {
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [expiresIn, setExpiresIn] = useState(0);
  const countdown = useCountdown();

  /** Returns null when the code was sent, else the error to show. */
  async function send(phone: string): Promise<ShownError | null> {
    const outcome = await attempt(
      () => api.POST('/api/v1/auth/otp', { body: { phone, purpose } }),
      ['phone'],
    );
    if (!outcome.ok) return outcome.error;
    const data = outcome.result.data;
    setSentTo(data?.phone ?? phone);
    setExpiresIn(data?.expiresIn ?? 0);
    countdown.start(data?.resendAfter ?? 0);
    return null;
  }

  function reset(): void {
    setSentTo(null);
    countdown.stop();
  }

  return { sentTo, expiresIn, secondsLeft: countdown.secondsLeft, send, reset };
}
