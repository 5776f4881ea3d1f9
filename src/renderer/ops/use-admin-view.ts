import { useCallback, useEffect, useState } from 'react';
import type { AdminReply, AdminRequest, AdminView } from '../../shared/admin.js';
import { adminRequest, errorText, viewOf } from './admin-api.js';

/** Loads one admin view, optionally refreshing it; `reload` asks again at once (or asks another request of the same kind). */
export function useAdminView<K extends AdminView['kind']>(request: AdminRequest, kind: K, refreshMs?: number) {
  const [view, setView] = useState<Extract<AdminView, { kind: K }>>();
  const [error, setError] = useState<string>();
  const key = JSON.stringify(request);
  const apply = useCallback(
    (reply: AdminReply) => {
      const next = viewOf(reply, kind);
      setView((previous) => next ?? previous);
      setError(next ? undefined : errorText(reply));
    },
    [kind],
  );
  useEffect(() => {
    const ask = () => void adminRequest(JSON.parse(key) as AdminRequest).then(apply);
    ask();
    if (!refreshMs) return;
    const timer = setInterval(ask, refreshMs);
    return () => clearInterval(timer);
  }, [key, apply, refreshMs]);
  const reload = useCallback((other?: AdminRequest) => adminRequest(other ?? (JSON.parse(key) as AdminRequest)).then(apply), [key, apply]);
  return { view, error, reload };
}
