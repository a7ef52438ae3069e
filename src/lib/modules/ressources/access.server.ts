/** The resource of a slug as the actor may reach it: hidden looks like missing. */
import type { Ctx } from '../../server/context';
import type { Actor } from '../../server/auth/policy';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../../server/errors';
import { canEditResource, canSeeResource } from './policy';
import { resourceBySlug, spaceIdsOfResource } from './repository.server';

/** The resource of a slug, with its spaces; hidden looks like missing. */
export async function visibleResource(ctx: Ctx, actor: Actor | null, slug: string) {
	const resource = await resourceBySlug(ctx.db, slug);
	if (!resource) throw new NotFoundError('Ressource introuvable.');
	const spaceIds = await spaceIdsOfResource(ctx.db, resource.id);
	if (!canSeeResource(actor, { visibility: resource.visibility, spaceIds })) {
		throw new NotFoundError('Ressource introuvable.');
	}
	return { resource, spaceIds };
}

/** The resource of a slug that the actor may edit. */
export async function editableResource(ctx: Ctx, actor: Actor | null, slug: string) {
	if (!actor) throw new UnauthenticatedError();
	const found = await visibleResource(ctx, actor, slug);
	const { resource, spaceIds } = found;
	if (!canEditResource(actor, { ...resource, spaceIds })) {
		throw new ForbiddenError(
			'Seul·e·s son auteur·rice, la coordination et les référent·e·s de ses espaces modifient cette ressource.'
		);
	}
	return { ...found, actor };
}
