import { Type } from 'typebox';
import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { staffMembers } from '../../../modules/staff/schema.ts';
import { staffPermissions, can, type StaffAction } from '../../../modules/staff/policies.ts';
import { ensureCsrfToken } from '../../plugins/csrf.ts';

/** The signed-in staff member (or none) with what they may do, so the console shows only those pages. */
export const consoleSessionRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/api/console/session',
    {
      schema: {
        tags: ['console'],
        summary: 'The current staff session and a CSRF token',
        response: {
          200: Type.Object({
            staff: Type.Union([
              Type.Object({ id: Type.String(), username: Type.String(), displayName: Type.String(), roles: Type.Array(Type.String()), permissions: Type.Array(Type.String()) }),
              Type.Null(),
            ]),
            csrfToken: Type.String(),
          }),
        },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const csrfToken = ensureCsrfToken(request, reply, fastify.services.config);
      const actor = request.actor;
      if (actor.type !== 'staff') return { staff: null, csrfToken };
      const [member] = await fastify.services.database.db.select().from(staffMembers).where(eq(staffMembers.id, actor.id));
      if (!member) return { staff: null, csrfToken };
      const permissions = (Object.keys(staffPermissions) as StaffAction[]).filter((action) => can(actor, action));
      return { staff: { id: member.id, username: member.username, displayName: member.displayName, roles: [...actor.roles], permissions }, csrfToken };
    },
  );
};
