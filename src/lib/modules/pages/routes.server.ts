/**
 * Loads and actions shared by the root wiki routes (/pages/…) and the space ones
 * (/chantiers/[slug]/pages/…): the scope comes from the route, the rest is the same.
 */
import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { formAction, guarded } from '../../server/http';
import { keepValues } from '../../server/forms';
import { renderMarkdown } from './markdown';
import { formFile } from '../../server/forms';
import { attachFile, listAttachments, serveAttachment } from './attachments.server';
import {
	assertEdit,
	canEdit,
	compareRevisions,
	createPage,
	findPage,
	getRevision,
	listPages,
	pageHistory,
	restoreRevision,
	rootScope,
	savePage,
	spaceScope,
	type Scope
} from './wiki.server';

async function scopeOf(event: RequestEvent): Promise<Scope & { title?: string }> {
	return event.route.id?.startsWith('/chantiers')
		? spaceScope(event.locals.app, event.params.slug!)
		: rootScope;
}
const pageSlug = (event: RequestEvent) => (event.params.page ?? event.params.slug)!;
const scopeData = (s: Scope & { title?: string }) => ({
	base: s.base,
	inSpace: !!s.spaceId,
	spaceTitle: s.title ?? null
});

export const listLoad = (event: RequestEvent) =>
	guarded(event, async () => {
		const scope = await scopeOf(event);
		const list = await listPages(event.locals.app, event.locals.actor, scope);
		return { ...scopeData(scope), pages: list, canEdit: canEdit(event.locals.actor, scope) };
	});

export const viewLoad = (event: RequestEvent) =>
	guarded(event, async () => {
		const scope = await scopeOf(event);
		const page = await findPage(event.locals.app, event.locals.actor, scope, pageSlug(event));
		return {
			...scopeData(scope),
			page: { ...page, html: renderMarkdown(page.body, scope.base) },
			attachments: await listAttachments(event.locals.app, page.id),
			canEdit: canEdit(event.locals.actor, scope)
		};
	});

export const editLoad = (event: RequestEvent) =>
	guarded(event, async () => {
		const scope = await scopeOf(event);
		assertEdit(event.locals.actor, scope);
		const page = await findPage(event.locals.app, event.locals.actor, scope, pageSlug(event));
		return { ...scopeData(scope), page };
	});

export const newLoad = (event: RequestEvent) =>
	guarded(event, async () => {
		const scope = await scopeOf(event);
		assertEdit(event.locals.actor, scope);
		return scopeData(scope);
	});

const fields = (form: FormData) => ({
	title: form.get('title'),
	body: form.get('body'),
	summary: form.get('summary'),
	visibility: form.get('visibility')
});

/** « Aperçu »: the body rendered by the server's renderer, everything typed kept. */
async function preview(event: RequestEvent) {
	const scope = await guarded(event, async () => {
		const s = await scopeOf(event);
		assertEdit(event.locals.actor, s);
		return s;
	});
	const form = await event.request.formData();
	return {
		preview: renderMarkdown(String(form.get('body') ?? ''), scope.base),
		values: keepValues(form)
	};
}

export const editActions = {
	preview,
	upload: async (event: RequestEvent) =>
		formAction(event, async (form) => {
			const scope = await scopeOf(event);
			const a = await attachFile(
				event.locals.app,
				event.locals.actor,
				scope,
				pageSlug(event),
				formFile(form, 'file')
			);
			return { uploaded: `${scope.base}/${pageSlug(event)}/fichiers/${a.id}`, name: a.fileName };
		}),
	save: async (event: RequestEvent) => {
		let location = '';
		const result = await formAction(event, async (form) => {
			const scope = await scopeOf(event);
			const slug = pageSlug(event);
			const base = Number(form.get('baseRevision'));
			const r = await savePage(
				event.locals.app,
				event.locals.actor,
				scope,
				slug,
				fields(form),
				base
			);
			if (!r.ok) return fail(409, { conflict: r.conflict, values: keepValues(form) });
			location = `${scope.base}/${slug}`;
		});
		if (result) return result;
		redirect(303, location);
	}
};

export const newActions = {
	preview,
	create: async (event: RequestEvent) => {
		let location = '';
		const result = await formAction(event, async (form) => {
			const scope = await scopeOf(event);
			const page = await createPage(event.locals.app, event.locals.actor, scope, fields(form));
			location = `${scope.base}/${page.slug}`;
		});
		if (result) return result;
		redirect(303, location);
	}
};

export const historyLoad = (event: RequestEvent) =>
	guarded(event, async () => {
		const scope = await scopeOf(event);
		const n = Number(event.url.searchParams.get('page') ?? 1) || 1;
		const h = await pageHistory(event.locals.app, event.locals.actor, scope, pageSlug(event), n);
		return { ...scopeData(scope), ...h, canEdit: canEdit(event.locals.actor, scope) };
	});

export const compareLoad = (event: RequestEvent) =>
	guarded(event, async () => {
		const scope = await scopeOf(event);
		const from = Number(event.url.searchParams.get('de'));
		const to = Number(event.url.searchParams.get('a'));
		const d = await compareRevisions(
			event.locals.app,
			event.locals.actor,
			scope,
			pageSlug(event),
			from,
			to
		);
		return { ...scopeData(scope), ...d };
	});

export const revisionLoad = (event: RequestEvent) =>
	guarded(event, async () => {
		const scope = await scopeOf(event);
		const r = await getRevision(
			event.locals.app,
			event.locals.actor,
			scope,
			pageSlug(event),
			Number(event.params.n)
		);
		return {
			...scopeData(scope),
			...r,
			html: renderMarkdown(r.revision.body, scope.base),
			canEdit: canEdit(event.locals.actor, scope)
		};
	});

export const revisionActions = {
	restore: async (event: RequestEvent) => {
		let location = '';
		const result = await formAction(event, async () => {
			const scope = await scopeOf(event);
			const slug = pageSlug(event);
			await restoreRevision(
				event.locals.app,
				event.locals.actor,
				scope,
				slug,
				Number(event.params.n)
			);
			location = `${scope.base}/${slug}/historique`;
		});
		if (result) return result;
		redirect(303, location);
	}
};

export const fileGet = (event: RequestEvent) =>
	guarded(event, async () =>
		serveAttachment(
			event.locals.app,
			event.locals.actor,
			await scopeOf(event),
			pageSlug(event),
			event.params.id!
		)
	);
