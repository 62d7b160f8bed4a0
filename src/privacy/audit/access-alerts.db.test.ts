import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { CapturingSms } from '../../../test/support/capturing-sms.ts';
import { buildPersonPi } from '../../../test/support/factories/person.ts';
import { TestClient } from '../../../test/support/http-client.ts';
import { signedInStaff } from '../../../test/support/staff-session.ts';
import { useTestApp } from '../../../test/support/test-app.ts';
import type { TestDatabase } from '../../../test/support/test-database.ts';
import { alertSettings, isQuietHour } from './access-alerts.ts';

let database: TestDatabase;
let app: FastifyInstance;
const sms = new CapturingSms();
// Quiet hours set to a range that does not contain "now", so only the bulk rule can fire here.
const shanghaiHour = Number(new Intl.DateTimeFormat('en-GB', { hour: '2-digit', hour12: false, timeZone: 'Asia/Shanghai' }).format(new Date())) % 24;
const quiet = `${(shanghaiHour + 2) % 24}-${(shanghaiHour + 3) % 24}`;
useTestApp({ sms, env: { AUDIT_ALERT_DISTINCT_SUBJECTS: '3', AUDIT_ALERT_WINDOW_MINUTES: '10', AUDIT_ALERT_QUIET_HOURS: quiet } }, (built) => ({ app, database } = built));

async function registered(): Promise<string> {
  const { phone } = buildPersonPi();
  const client = await new TestClient(app, '192.0.2.150').start();
  await client.post('/api/site/auth/code', { phone });
  await client.post('/api/site/auth/sign-in', { phone, code: sms.latestCode(`+86${phone}`) });
  return phone;
}

describe('unusual-access alerts', () => {
  it('R-SEC-5 one staff member reading more than N people within M minutes raises one alert for the PI-protection officer', async () => {
    const phones = [await registered(), await registered(), await registered(), await registered(), await registered()];
    const { client: service } = await signedInStaff(app, database.db, ['customer_service']);
    const me = (await service.get('/api/console/session')).json().staff.id;
    for (const phone of phones.slice(0, 3)) await service.post('/api/console/customers/search', { phone });
    const { client: officer } = await signedInStaff(app, database.db, ['compliance_officer']);
    expect((await officer.get('/api/console/alerts')).json()).toEqual([]);
    await service.post('/api/console/customers/search', { phone: phones[3] });
    await service.post('/api/console/customers/search', { phone: phones[4] });
    const alerts = (await officer.get('/api/console/alerts')).json();
    expect(alerts).toEqual([expect.objectContaining({ kind: 'bulk_read', actorId: me, distinctSubjects: 4, windowMinutes: 10 })]);
    expect((await service.get('/api/console/alerts')).statusCode).toBe(403);

    expect((await officer.post(`/api/console/alerts/${alerts[0].id}/acknowledge`, { note: '批量核对理赔客户，已确认工单' })).statusCode).toBe(204);
    expect((await officer.get('/api/console/alerts')).json()).toEqual([]);
    expect((await officer.get('/api/console/alerts?open=false')).json()[0]).toMatchObject({ note: '批量核对理赔客户，已确认工单' });
  });

  it('R-SEC-5 quiet hours follow Asia/Shanghai time', () => {
    const saved = { ...alertSettings };
    Object.assign(alertSettings, { quietHoursStart: 22, quietHoursEnd: 7 });
    expect(isQuietHour(new Date('2026-11-24T15:30:00Z'))).toBe(true); // 23:30 in Beijing
    expect(isQuietHour(new Date('2026-11-24T22:59:00Z'))).toBe(true); // 06:59
    expect(isQuietHour(new Date('2026-11-24T23:00:00Z'))).toBe(false); // 07:00
    expect(isQuietHour(new Date('2026-11-24T03:00:00Z'))).toBe(false); // 11:00
    Object.assign(alertSettings, saved);
  });
});
