/**
 * `npm run audit:verify -- <kiosk.sqlite>`: walks the audit chain and says whether it is intact.
 * Exit code 0 intact, 1 broken, 2 the file cannot be read. Opens the file read-only.
 */
import Database from 'better-sqlite3';
import { AuditLog } from './audit-log.js';
import { STORE_ERRORS } from './error-codes.js';

const file = process.argv[2];
if (file === undefined) {
  process.stderr.write('usage: audit:verify <kiosk.sqlite>\n');
  process.exit(2);
}
let verdict;
try {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  verdict = new AuditLog(db).verify();
  db.close();
} catch (error) {
  process.stderr.write(`${STORE_ERRORS.OPEN_FAILED} cannot read ${file}: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
}
if (verdict.ok) {
  process.stdout.write(`audit chain intact: ${verdict.rows} rows, head ${verdict.head}\n`);
} else {
  process.stdout.write(`${STORE_ERRORS.AUDIT_CHAIN_BROKEN} audit chain broken at seq ${verdict.firstBadSeq}: ${verdict.reason} (${verdict.rows} rows read)\n`);
  process.exit(1);
}
