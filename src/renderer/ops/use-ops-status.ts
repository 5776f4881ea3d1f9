import { useEffect, useState } from 'react';
import type { ViewOf } from '../../shared/admin.js';
import { adminRequest, viewOf } from './admin-api.js';

/** The public ops status (first-run needed, staff passcode lock), refreshed while `active`. */
export function useOpsStatus(active: boolean, everyMs = 5_000): ViewOf<'status'> | undefined {
  const [status, setStatus] = useState<ViewOf<'status'>>();
  useEffect(() => {
    if (!active) return;
    let live = true;
    const load = () => void adminRequest({ type: 'status' }).then((reply) => live && setStatus(viewOf(reply, 'status')));
    load();
    const timer = setInterval(load, everyMs);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [active, everyMs]);
  return status;
}
