import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Ctx } from '../../server/context';
import { keyFigures, milestones, pages } from '../../server/db/schema';
import { can, isMember, type Actor } from '../../server/auth/policy';
import { NotFoundError, UnauthenticatedError } from '../../server/errors';
import { renderMarkdown } from './markdown';
import { guarded } from '../../server/http';
import type { RequestEvent } from '@sveltejs/kit';

export async function getPage(ctx: Ctx, actor: Actor | null, slug: string) {
	const [page] = await ctx.db
		.select()
		.from(pages)
		.where(and(eq(pages.slug, slug), isNull(pages.spaceId)));
	if (!page) throw new NotFoundError('Page introuvable.');
	if (page.visibility === 'members' && !isMember(actor)) throw new UnauthenticatedError();
	return { ...page, html: renderMarkdown(page.body), canEdit: can(actor, 'pages.root.edit') };
}

export async function getTimeline(ctx: Ctx) {
	return ctx.db.select().from(milestones).orderBy(asc(milestones.date));
}

export async function getKeyFigures(ctx: Ctx) {
	return ctx.db.select().from(keyFigures).orderBy(asc(keyFigures.position));
}

/** Load function shared by the simple editorial pages (legal notice, accessibility, data). */
export const contentPageLoad = (slug: string) => (event: RequestEvent) =>
	guarded(event, async () => ({ page: await getPage(event.locals.app, event.locals.actor, slug) }));
