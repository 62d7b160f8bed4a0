import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { createStaffMember, USERNAME_PATTERN } from '../../../modules/staff/create-staff-member.ts';
import { assignStaffRoles, disableStaffMember, listStaff } from '../../../modules/staff/manage-staff.ts';
import { staffRoles } from '../../../modules/staff/roles.ts';

const Role = Type.Enum(staffRoles);
const StaffId = Type.Object({ staffId: Type.String({ pattern: '^stf_[0-9a-z]{26}$' }) });

/** Staff administration (administrators): list, create with roles, change roles, disable. */
export const consoleStaffRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const db = () => fastify.services.database.db;

  fastify.get(
    '/api/console/staff',
    {
      schema: {
        tags: ['console'],
        summary: 'Staff accounts',
        response: {
          200: Type.Array(
            Type.Object({
              id: Type.String(),
              username: Type.String(),
              displayName: Type.String(),
              roles: Type.Array(Role),
              status: Type.String(),
              hasTotp: Type.Boolean(),
              createdAt: Type.String({ format: 'date-time' }),
              lastSignInAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
            }),
          ),
        },
      },
    },
    async (request) => {
      const staff = await listStaff(request.ctx('security'), db());
      return staff.map((member) => ({ ...member, createdAt: member.createdAt.toISOString(), lastSignInAt: member.lastSignInAt?.toISOString() ?? null }));
    },
  );

  fastify.post(
    '/api/console/staff',
    {
      schema: {
        tags: ['console'],
        summary: 'Create a staff account; the initial password is shown once',
        body: Type.Object({
          username: Type.String({ pattern: USERNAME_PATTERN }),
          displayName: Type.String({ minLength: 1, maxLength: 64 }),
          roles: Type.Array(Role, { minItems: 1, maxItems: staffRoles.length }),
        }),
        response: { 201: Type.Object({ id: Type.String(), initialPassword: Type.String() }) },
      },
    },
    async (request, reply) => {
      const created = await createStaffMember(request.ctx('security'), request.body, db());
      reply.header('cache-control', 'no-store');
      return reply.code(201).send({ id: created.id, initialPassword: created.initialPassword ?? '' });
    },
  );

  fastify.put(
    '/api/console/staff/:staffId/roles',
    { schema: { tags: ['console'], summary: 'Replace the roles of a staff member', params: StaffId, body: Type.Object({ roles: Type.Array(Role, { minItems: 1, maxItems: staffRoles.length }) }), response: { 204: Type.Null() } } },
    async (request, reply) => {
      await assignStaffRoles(request.ctx('security'), { staffId: request.params.staffId, roles: request.body.roles }, db());
      return reply.code(204).send(null);
    },
  );

  fastify.post(
    '/api/console/staff/:staffId/disable',
    { schema: { tags: ['console'], summary: 'Disable a staff account and end its sessions', params: StaffId, response: { 204: Type.Null() } } },
    async (request, reply) => {
      await disableStaffMember(request.ctx('security'), { staffId: request.params.staffId }, db());
      return reply.code(204).send(null);
    },
  );
};
