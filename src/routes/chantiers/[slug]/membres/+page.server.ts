import {
	cancelInvitation,
	decideSpaceRequest,
	inviteToSpace
} from '#lib/modules/spaces/join.server.ts';
import {
	changeRole,
	leaveSpace,
	membersPage,
	updateMyInvolvement
} from '#lib/modules/spaces/members.server.ts';
import { formAction, formActionThenRedirect, guarded } from '#lib/server/http.ts';
import { formToObject } from '#lib/server/forms.ts';
import type { Ctx } from '#lib/server/context.ts';
import type { Actor } from '#lib/server/auth/policy.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	guarded(event, () => membersPage(event.locals.app, event.locals.actor, event.params.slug));

const id = (form: FormData, name = 'id') => String(form.get(name) ?? '');

/** An action of the page: its service step, then which one was done (for the message shown). */
const step =
	(
		name: string,
		run: (ctx: Ctx, actor: Actor | null, slug: string, form: FormData) => Promise<unknown>
	): Actions[string] =>
	(event) =>
		formAction(event, async (form) => {
			await run(event.locals.app, event.locals.actor, event.params.slug, form);
			return { done: name };
		});

export const actions: Actions = {
	involvement: step('involvement', (ctx, actor, slug, form) =>
		updateMyInvolvement(ctx, actor, slug, formToObject(form))
	),
	leave: (event) =>
		formActionThenRedirect(event, async () => {
			await leaveSpace(event.locals.app, event.locals.actor, event.params.slug);
			return `/chantiers/${event.params.slug}?quitte=1`;
		}),
	remove: step('remove', (ctx, actor, slug, form) =>
		leaveSpace(ctx, actor, slug, id(form, 'userId'))
	),
	role: step('role', (ctx, actor, slug, form) =>
		changeRole(ctx, actor, slug, id(form, 'userId'), formToObject(form))
	),
	accept: step('accept', (ctx, actor, slug, form) =>
		decideSpaceRequest(ctx, actor, slug, id(form), 'accept', formToObject(form))
	),
	decline: step('decline', (ctx, actor, slug, form) =>
		decideSpaceRequest(ctx, actor, slug, id(form), 'decline', formToObject(form))
	),
	invite: step('invite', (ctx, actor, slug, form) =>
		inviteToSpace(ctx, actor, slug, formToObject(form))
	),
	cancelInvitation: step('cancelInvitation', (ctx, actor, slug, form) =>
		cancelInvitation(ctx, actor, slug, id(form))
	)
};
