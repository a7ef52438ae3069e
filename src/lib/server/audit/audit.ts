import { desc, eq } from 'drizzle-orm';
import type { Ctx } from '../context';
import { auditLog, users } from '../db/schema';
import { assertCan, type Actor } from '../auth/policy';

export interface AuditEntry {
	action: string;
	targetType?: string;
	targetId?: string;
	details?: Record<string, unknown>;
}

/** Records a sensitive action (roles, approvals, deletions). */
export async function audit(ctx: Ctx, actor: Actor | null, entry: AuditEntry, ip?: string) {
	await ctx.db
		.insert(auditLog)
		.values({ actorId: actor?.userId ?? null, ip: ip ?? null, ...entry });
}

export async function listAudit(ctx: Ctx, actor: Actor | null, limit = 200) {
	assertCan(actor, 'audit.read');
	return ctx.db
		.select({
			id: auditLog.id,
			at: auditLog.at,
			action: auditLog.action,
			targetType: auditLog.targetType,
			targetId: auditLog.targetId,
			details: auditLog.details,
			actorName: users.name
		})
		.from(auditLog)
		.leftJoin(users, eq(users.id, auditLog.actorId))
		.orderBy(desc(auditLog.at))
		.limit(limit);
}
