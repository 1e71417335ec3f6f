import { useEffect, useState } from 'react';
import { api, unwrap } from '../api/client';
import { asProblem, type Problem } from '../api/problem';
import type { ImageKind } from './review';

export interface CaseImage {
  /** An object URL of the image bytes (revoked when the component goes or the image changes). */
  url: string | undefined;
  problem: Problem | undefined;
  loading: boolean;
}

/**
 * Fetches one image of a case with the bearer token (an <img src> cannot send it) and hands
 * out an object URL. `enabled` false (the case has no such image) fetches nothing.
 */
export function useCaseImage(caseId: string, kind: ImageKind, enabled: boolean): CaseImage {
  const [state, setState] = useState<CaseImage>({ url: undefined, problem: undefined, loading: enabled });

  useEffect(() => {
    if (!enabled) {
      setState({ url: undefined, problem: undefined, loading: false });
      return;
    }
    const controller = new AbortController();
    let url: string | undefined;
    setState({ url: undefined, problem: undefined, loading: true });
    unwrap(
      api.GET('/api/v1/ekyc/review/{id}/images/{kind}', {
        params: { path: { id: caseId, kind } },
        parseAs: 'blob',
        signal: controller.signal,
      }),
    ).then(
      (blob) => {
        if (controller.signal.aborted) return;
        url = URL.createObjectURL(blob);
        setState({ url, problem: undefined, loading: false });
      },
      (err: unknown) => {
        if (controller.signal.aborted) return;
        setState({ url: undefined, problem: asProblem(err), loading: false });
      },
    );
    return () => {
      controller.abort();
      if (url) URL.revokeObjectURL(url);
    };
  }, [caseId, kind, enabled]);

  return state;
}
