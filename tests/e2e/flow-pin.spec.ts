/**
 * 暗証番号 (PRODUCT.md §3.1) end to end: the tries left come from the card itself (the virtual
 * card counts them like a real one), and a third wrong PIN locks it and sends the patient to staff.
 */
import { ja, test, expect } from './support/flow.js';

test('PIN wrong three times: tries shown before each entry, last-try warning, locked, sent to staff', async ({ card, patient, records }) => {
  await card.insert('normal-adult');
  await patient.sees('method-choice');
  await patient.tap('method.pin');
  const pin = await patient.sees('pin-entry');
  await expect(pin).toContainText(ja('pin.triesLeft', { n: 3 }));
  await expect(pin).not.toContainText(ja('pin.lastTry'));

  await patient.typePin('0000');
  await expect(pin.getByText(ja('pin.wrong'))).toBeVisible({ timeout: 15_000 });
  await expect(pin).toContainText(ja('pin.triesLeft', { n: 2 }));
  await patient.shot('pin-wrong-once');

  await patient.typePin('9999');
  await expect(pin).toContainText(ja('pin.triesLeft', { n: 1 }), { timeout: 15_000 });
  await expect(pin).toContainText(ja('pin.lastTry'));
  await patient.shot('pin-last-try');

  await patient.typePin('5678');
  const staff = await patient.sees('staff-needed');
  await expect(staff).toContainText(ja('staffNeeded.reason.pin-locked'));
  await expect(staff.getByRole('button', { name: ja('method.staff') })).toBeVisible();

  const audit = records.auditKinds();
  expect(audit.filter((k) => k === 'session.pin-wrong')).toHaveLength(2);
  expect(audit).toContain('session.pin-blocked');
  expect(audit).not.toContain('session.authenticated');
  await patient.takesCard();
  expect(records.receipts()).toEqual([]);
  expect(records.consents()).toEqual([]);
});
