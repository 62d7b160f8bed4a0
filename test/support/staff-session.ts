import type { FastifyInstance } from 'fastify';
import { generateSync } from 'otplib';
import { expect } from 'vitest';
import type { Db } from '../../src/db/types.ts';
import { createStaffMember } from '../../src/modules/staff/create-staff-member.ts';
import type { StaffRole } from '../../src/modules/staff/roles.ts';
import { systemCtx } from '../../src/privacy/access/context.ts';
import { TestClient } from './http-client.ts';

export interface StaffCredentials {
  id?: string;
  username: string;
  password: string;
  secret: string;
}

let counter = 0;

/** A staff account made directly through the use case (as the CLI does). */
export async function newStaff(db: Db, roles: StaffRole[]): Promise<StaffCredentials & { id: string }> {
  counter += 1;
  const username = `staff${counter}.${process.pid % 1000}${Date.now() % 100000}`;
  const password = 'Harbour-lights-77';
  const { id } = await createStaffMember(systemCtx('test', 'security'), { username, displayName: `测试员${counter}`, roles, password }, db);
  return { id, username, password, secret: '' };
}

/** Signs a staff member in through both steps over HTTP, enrolling TOTP on the way when needed. */
export async function signInStaff(app: FastifyInstance, staff: StaffCredentials): Promise<{ client: TestClient; staff: StaffCredentials }> {
  const client = await new TestClient(app).start();
  const first = (await client.post('/api/console/auth/password', { username: staff.username, password: staff.password })).json();
  const secret = first.step === 'enroll' ? first.secret : staff.secret;
  const second = await client.post('/api/console/auth/totp', { stepToken: first.stepToken, code: generateSync({ secret }) });
  expect(second.statusCode).toBe(200);
  return { client, staff: { ...staff, secret } };
}

export async function signedInStaff(app: FastifyInstance, db: Db, roles: StaffRole[]) {
  return signInStaff(app, await newStaff(db, roles));
}
