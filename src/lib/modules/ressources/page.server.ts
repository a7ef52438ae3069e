/** What the resource's page and its forms show. */
import type { Ctx } from '../../server/context';
import { atLeast, canRead, hasSpaceRole, type Actor } from '../../server/auth/policy';
import { UnauthenticatedError } from '../../server/errors';
import { renderMarkdown } from '../pages/markdown';
import { formatSize } from '../productions/rules';
import {
	DEFAULT_LICENCE,
	FILE_TYPES,
	KIND_LABELS,
	LANGUAGE_LABELS,
	LICENCE_LABELS,
	TEXT_STATUS_LABELS,
	THEME_LABELS,
	type Language,
	type Licence,
	type Theme
} from './labels';
import { canCreateResource, canEditResource, canFeatureResource } from './policy';
import {
	authorsOf,
	productionIdsOfResource,
	productionList,
	productionSpaces,
	productionsOf,
	spaceList,
	spacesOf
} from './repository.server';
import { editableResource, visibleResource } from './access.server';
import type { FormEcho } from './input.server';

export async function getResourcePage(ctx: Ctx, actor: Actor | null, slug: string) {
	const { resource: r, spaceIds } = await visibleResource(ctx, actor, slug);
	const [authors, linkedSpaces, productions] = await Promise.all([
		authorsOf(ctx.db, r.id),
		spacesOf(ctx.db, r.id),
		productionsOf(ctx.db, r.id)
	]);
	const showStatus = r.fileKey && ['pending', 'failed', 'unsupported'].includes(r.textStatus);
	return {
		resource: {
			slug: r.slug,
			title: r.title,
			kind: r.kind,
			kindLabel: KIND_LABELS[r.kind],
			publishedOn: r.publishedOn,
			descriptionHtml: renderMarkdown(r.description),
			themes: r.themes.map((code) => ({ code, label: THEME_LABELS[code as Theme] ?? code })),
			tags: r.tags,
			licenceLabel: LICENCE_LABELS[r.licence as Licence] ?? r.licence,
			languageLabel: LANGUAGE_LABELS[r.language as Language] ?? r.language,
			visibility: r.visibility,
			externalUrl: r.externalUrl,
			externalHost:
				r.externalUrl && URL.canParse(r.externalUrl) ? new URL(r.externalUrl).host : null,
			featured: r.featured,
			file:
				r.fileKey && r.fileName && r.fileType
					? {
							name: r.fileName,
							typeLabel: FILE_TYPES[r.fileType] ?? r.fileType,
							size: formatSize(r.fileSize ?? 0),
							hasThumbnail: !!r.thumbnailKey
						}
					: null,
			textStatus: r.textStatus,
			textStatusMessage: showStatus ? TEXT_STATUS_LABELS[r.textStatus] : null
		},
		authors,
		spaces: linkedSpaces,
		productions: productions
			.filter((p) => canRead(actor, p.visibility, p.spaceId))
			.map(({ id, title, spaceSlug, spaceLabel }) => ({ id, title, spaceSlug, spaceLabel })),
		canEdit: canEditResource(actor, { ...r, spaceIds })
	};
}

/** Spaces offered: those the actor may link, plus those already linked. */
async function choices(ctx: Ctx, actor: Actor, kept: string[]) {
	const all = atLeast(actor, 'coordination');
	const mine = Object.keys(actor.spaceRoles).filter((id) =>
		hasSpaceRole(actor, id, 'referent', 'membre')
	);
	const spaces = await spaceList(ctx.db, all ? null : [...new Set([...mine, ...kept])]);
	const productions = await productionList(
		ctx.db,
		spaces.map((s) => s.id)
	);
	return {
		spaces: spaces.map((s) => ({
			...s,
			productions: productions.filter((p) => p.spaceId === s.id)
		}))
	};
}

export async function newResourceForm(ctx: Ctx, actor: Actor | null) {
	if (!canCreateResource(actor)) throw new UnauthenticatedError();
	const form: FormEcho = {
		values: { kind: 'fiche', licence: DEFAULT_LICENCE, language: 'fr', visibility: 'public' },
		lists: { themes: [], spaceIds: [], productionIds: [] }
	};
	return { ...(await choices(ctx, actor, [])), form };
}

export async function editResourceForm(ctx: Ctx, actor: Actor | null, slug: string) {
	const { resource: r, spaceIds, actor: who } = await editableResource(ctx, actor, slug);
	const [authors, productions] = await Promise.all([
		authorsOf(ctx.db, r.id),
		productionSpaces(ctx.db, await productionIdsOfResource(ctx.db, r.id))
	]);
	const productionIds = productions.map((p) => p.id);
	const form: FormEcho = {
		values: {
			title: r.title,
			kind: r.kind,
			description: r.description,
			authors: authors.map((a) => a.name).join('\n'),
			publishedOn: r.publishedOn ?? '',
			tags: r.tags.join(', '),
			externalUrl: r.externalUrl ?? '',
			licence: r.licence,
			language: r.language,
			visibility: r.visibility
		},
		lists: { themes: r.themes, spaceIds, productionIds }
	};
	return {
		// Spaces of linked productions stay offered, so that saving keeps those productions.
		...(await choices(ctx, who, [...spaceIds, ...productions.map((p) => p.spaceId)])),
		form,
		resource: {
			slug: r.slug,
			title: r.title,
			visibility: r.visibility,
			featured: r.featured,
			externalUrl: r.externalUrl,
			file: r.fileName
				? {
						name: r.fileName,
						typeLabel: FILE_TYPES[r.fileType ?? ''] ?? 'Fichier',
						size: formatSize(r.fileSize ?? 0)
					}
				: null
		},
		canFeature: canFeatureResource(who)
	};
}
