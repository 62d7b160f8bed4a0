import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { authorizeStaff } from '../../../modules/staff/policies.ts';
import { auditActions } from '../../../privacy/audit/schema.ts';
import { searchAudit } from '../../../privacy/audit/search-audit.ts';
import { verifyAudit } from '../../../privacy/audit/verify-audit.ts';
import { buildDataMapWithRecipients } from '../../../privacy/catalogue/data-map.ts';

const Text = Type.Object({ zh: Type.String(), en: Type.String() });

/** Compliance pages: the data map (RoPA), audit search and audit verification. */
export const consolePrivacyRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/api/console/privacy/data-map',
    {
      schema: {
        tags: ['console'],
        summary: 'Record of processing activities: every PI category, where stored, purposes, basis, retention',
        response: {
          200: Type.Array(
            Type.Object({
              category: Type.String(),
              name: Text,
              isSensitive: Type.Boolean(),
              storedIn: Type.Array(
                Type.Object({ table: Type.String(), column: Type.String(), storedAs: Type.String(), purposes: Type.Array(Type.String()), basis: Type.String(), retention: Type.String() }),
              ),
              purposes: Type.Array(Type.String()),
              bases: Type.Array(Type.Object({ basis: Type.String(), zh: Type.String(), en: Type.String() })),
              retention: Type.Array(Type.Object({ rule: Type.String(), zh: Type.String(), en: Type.String() })),
              recipients: Type.Array(Type.String()),
            }),
          ),
        },
      },
    },
    async (request) => {
      authorizeStaff(request.actor, 'privacy.data_map.read');
      return buildDataMapWithRecipients(fastify.services.database.db);
    },
  );

  fastify.post(
    '/api/console/audit/search',
    {
      schema: {
        tags: ['console'],
        summary: 'Search the audit log (by person, staff member, action, time); the search is audited',
        body: Type.Object({
          subjectId: Type.Optional(Type.String({ maxLength: 64 })),
          actorId: Type.Optional(Type.String({ maxLength: 64 })),
          action: Type.Optional(Type.Enum(auditActions)),
          from: Type.Optional(Type.String({ format: 'date-time' })),
          to: Type.Optional(Type.String({ format: 'date-time' })),
          limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
          before: Type.Optional(Type.Object({ at: Type.String({ format: 'date-time' }), chain: Type.Integer({ minimum: 0 }), seq: Type.Integer({ minimum: 1 }) })),
        }),
        response: {
          200: Type.Array(
            Type.Object({
              chain: Type.Integer(),
              seq: Type.Integer(),
              at: Type.String({ format: 'date-time' }),
              actorType: Type.String(),
              actorId: Type.Union([Type.String(), Type.Null()]),
              actorName: Type.Union([Type.String(), Type.Null()]),
              action: Type.String(),
              subjectId: Type.Union([Type.String(), Type.Null()]),
              record: Type.Union([Type.String(), Type.Null()]),
              fields: Type.Array(Type.String()),
              purpose: Type.String(),
              reason: Type.Union([Type.String(), Type.Null()]),
              requestId: Type.String(),
              ip: Type.Union([Type.String(), Type.Null()]),
            }),
          ),
        },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const { from, to, before, ...rest } = request.body;
      const query = { ...rest, ...(from ? { from: new Date(from) } : {}), ...(to ? { to: new Date(to) } : {}), ...(before ? { before: { ...before, at: new Date(before.at) } } : {}) };
      const rows = await searchAudit(request.ctx('legal_obligation'), query, fastify.services.database.db);
      return rows.map(({ prevHash: _prev, hash: _hash, ...row }) => ({ ...row, at: row.at.toISOString() }));
    },
  );

  fastify.post(
    '/api/console/audit/verify',
    {
      schema: {
        tags: ['console'],
        summary: 'Verify the hash chains of the audit log; names the first broken entry of each chain',
        response: {
          200: Type.Object({
            entries: Type.Integer(),
            isIntact: Type.Boolean(),
            problems: Type.Array(Type.Object({ chain: Type.Integer(), seq: Type.Integer(), kind: Type.String() })),
          }),
        },
      },
    },
    async (request) => {
      authorizeStaff(request.actor, 'audit.verify');
      return verifyAudit(fastify.services.database.db, fastify.services.keyring);
    },
  );
};
