import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n';
import { fetchSnapshot, type Snapshot } from './api';
import type { CameraState } from './format';

export type Shown = Extract<Snapshot, { ok: true }>;

/**
 * The still of one camera for the detail screen. The first one may come from the phone's cache (the list's
 * thumbnail: no second download); `refresh` asks with a new address and tells whether the picture changed.
 */
export function useSnapshot(id: string) {
  const [picture, setPicture] = useState<Shown | null>(null);
  const [failure, setFailure] = useState<'unavailable' | 'network' | 'tooMany' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** The camera's state as the last answer gave it (also when there was no picture). */
  const [state, setState] = useState<CameraState | null>(null);
  const current = useRef<Shown | null>(null);
  const seq = useRef(0);

  const load = useCallback(
    async (bust?: number) => {
      const mine = ++seq.current;
      setBusy(true);
      const shot = await fetchSnapshot(id, bust);
      if (mine !== seq.current) {
        if (shot.ok) URL.revokeObjectURL(shot.url);
        return;
      }
      setBusy(false);
      if (shot.state) setState(shot.state);
      if (!shot.ok) {
        setFailure(shot.status === null ? 'network' : shot.status === 429 ? 'tooMany' : 'unavailable');
        setNotice(null);
        return;
      }
      const before = current.current;
      // The same still when taken at the same time (a new still of a frozen picture is still news).
      const same =
        before !== null &&
        (shot.takenAt !== null && before.takenAt !== null
          ? shot.takenAt === before.takenAt
          : shot.etag !== null && shot.etag === before.etag);
      if (before) URL.revokeObjectURL(before.url);
      current.current = shot;
      setPicture(shot);
      setFailure(null);
      if (bust === undefined) setNotice(null);
      else if (same) setNotice(shot.maxAge ? t('cameras.sameWait', { n: shot.maxAge }) : t('cameras.same'));
      else setNotice(t('cameras.updated'));
    },
    [id],
  );

  useEffect(() => {
    const [calls, shown] = [seq, current];
    void load();
    return () => {
      calls.current++; // an answer still on its way is dropped
      if (shown.current) URL.revokeObjectURL(shown.current.url);
      shown.current = null;
    };
  }, [load]);

  return { picture, failure, notice, busy, state, refresh: () => void load(Date.now()) };
}
