import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { acknowledgeAccessAlert, listAccessAlerts } from '../../../privacy/audit/manage-alerts.ts';

/** Unusual-access alerts (bulk reading, quiet hours) for the PI-protection officer (R-SEC-5). */
export const consoleAlertRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const db = () => fastify.services.database.db;

  fastify.get(
    '/api/console/alerts',
    {
      schema: {
        tags: ['console'],
        summary: 'Unusual access to personal information',
        querystring: Type.Object({ open: Type.Boolean({ default: true }) }),
        response: {
          200: Type.Array(
            Type.Object({
              id: Type.String(),
              kind: Type.String(),
              actorId: Type.String(),
              distinctSubjects: Type.Integer(),
              windowMinutes: Type.Integer(),
              raisedAt: Type.String({ format: 'date-time' }),
              acknowledgedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
              acknowledgedBy: Type.Union([Type.String(), Type.Null()]),
              note: Type.Union([Type.String(), Type.Null()]),
            }),
          ),
        },
      },
    },
    async (request) => {
      const alerts = await listAccessAlerts(request.ctx('security'), { openOnly: request.query.open }, db());
      return alerts.map((alert) => ({ ...alert, raisedAt: alert.raisedAt.toISOString(), acknowledgedAt: alert.acknowledgedAt?.toISOString() ?? null }));
    },
  );

  fastify.post(
    '/api/console/alerts/:alertId/acknowledge',
    {
      schema: {
        tags: ['console'],
        summary: 'Close an alert with a note of what was found',
        params: Type.Object({ alertId: Type.String({ pattern: '^alr_[0-9a-z]{26}$' }) }),
        body: Type.Object({ note: Type.String({ minLength: 2, maxLength: 1000 }) }),
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await acknowledgeAccessAlert(request.ctx('security'), { alertId: request.params.alertId, note: request.body.note }, db());
      return reply.code(204).send(null);
    },
  );
};
