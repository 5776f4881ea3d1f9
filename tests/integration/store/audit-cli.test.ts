/** The audit chain is verifiable by a command staff or an auditor can run on the file. */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { openKioskStore } from '../../../src/main/store/kiosk-store.js';
import { tempDbFile } from '../../unit/store/temp-db.js';

const CLI = fileURLToPath(new URL('../../../src/main/store/audit-cli.ts', import.meta.url));
const run = (file: string) => spawnSync(process.execPath, ['--import', 'tsx', CLI, file], { encoding: 'utf8' });

describe('audit:verify command', () => {
  it('reports an intact chain with exit 0 and a broken one with exit 1 and the bad row', () => {
    const file = tempDbFile();
    const store = openKioskStore(file);
    for (let i = 0; i < 4; i++) store.audit.append('qualification.confirmed', { validity: 1, i });
    const ok = run(file);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('audit chain intact: 4 rows');
    store.db.prepare("UPDATE audit_log SET kind = 'qualification.rejected' WHERE seq = 2").run();
    store.close();
    const broken = run(file);
    expect(broken.status).toBe(1);
    expect(broken.stdout).toContain('E-STO-003 audit chain broken at seq 2');
  });

  it('exits 2 with the staff code for a missing file', () => {
    const res = run('/nonexistent/kiosk.sqlite');
    expect(res.status).toBe(2);
    expect(res.stderr).toContain('E-STO-001');
  });
});
