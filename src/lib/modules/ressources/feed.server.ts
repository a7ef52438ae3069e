// The Atom feeds of new public resources: the whole library, or one theme.
import { createHash } from 'node:crypto';
import { and, arrayContains, desc, eq } from 'drizzle-orm';
import type { Ctx } from '../../server/context';
import type { Db } from '../../server/db';
import { NotFoundError } from '../../server/errors';
import { siteName } from '../../i18n/fr';
import { markdownToPlainText } from '../agenda/ical/plain-text';
import { buildAtom, type AtomEntry } from './atom';
import { KIND_LABELS, THEME_LABELS, THEMES, type Theme } from './labels';
import { authorNamesOf } from './repository.server';
import { resources } from './tables';

export const FEED_SIZE = 50;
const SUMMARY_MAX = 1000;

export interface AtomFile {
	body: string;
	etag: string;
}

/** The newest public resources (of a theme), with their authors in order. */
export async function newestPublic(db: Db, options: { theme?: Theme; limit: number }) {
	const rows = await db
		.select({
			id: resources.id,
			slug: resources.slug,
			title: resources.title,
			kind: resources.kind,
			description: resources.description,
			themes: resources.themes,
			createdAt: resources.createdAt,
			updatedAt: resources.updatedAt
		})
		.from(resources)
		.where(
			and(
				eq(resources.visibility, 'public'),
				options.theme ? arrayContains(resources.themes, [options.theme]) : undefined
			)
		)
		.orderBy(desc(resources.createdAt), desc(resources.id))
		.limit(options.limit);
	const names = await authorNamesOf(
		db,
		rows.map((r) => r.id)
	);
	return rows.map((r) => ({ ...r, authors: names.get(r.id) ?? [] }));
}

const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1).trimEnd()}…` : s);

/** The feed of all public resources, or of a theme's (NotFoundError for an unknown theme). */
export async function resourcesFeed(ctx: Ctx, theme?: string): Promise<AtomFile> {
	if (theme !== undefined && !(THEMES as readonly string[]).includes(theme)) {
		throw new NotFoundError('Thème inconnu');
	}
	const t = theme as Theme | undefined;
	const base = ctx.env.baseUrl;
	const rows = await newestPublic(ctx.db, { theme: t, limit: FEED_SIZE });
	const entries: AtomEntry[] = rows.map((r) => ({
		id: `urn:uuid:${r.id}`,
		title: r.title,
		link: `${base}/ressources/${encodeURIComponent(r.slug)}`,
		published: r.createdAt,
		updated: r.updatedAt,
		summary: clip(markdownToPlainText(r.description), SUMMARY_MAX),
		authors: r.authors,
		categories: [
			{ term: r.kind, label: KIND_LABELS[r.kind], scheme: `${base}/ressources?type=` },
			...(r.themes as Theme[])
				.filter((x) => x in THEME_LABELS)
				.map((x) => ({ term: x, label: THEME_LABELS[x], scheme: `${base}/ressources?theme=` }))
		]
	}));
	const self = t ? `${base}/ressources/theme/${t}.atom` : `${base}/ressources.atom`;
	const body = buildAtom({
		id: self,
		title: t ? `Ressources – ${THEME_LABELS[t]} – ${siteName}` : `Ressources – ${siteName}`,
		subtitle: 'Les nouvelles ressources publiques de la démarche',
		self,
		alternate: t ? `${base}/ressources?theme=${t}` : `${base}/ressources`,
		author: siteName,
		fallbackUpdated: new Date(0),
		entries
	});
	const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
	return { body, etag };
}

/** The HTTP answer: Atom type, a short shared cache, 304 when the client has these bytes. */
export function atomResponse(request: Request, file: AtomFile): Response {
	const headers = {
		'content-type': 'application/atom+xml; charset=utf-8',
		'cache-control': 'public, max-age=300',
		'x-content-type-options': 'nosniff',
		etag: file.etag
	};
	const match = request.headers.get('if-none-match');
	if (match && match.split(/\s*,\s*/).some((m) => m === file.etag || m === `W/${file.etag}`)) {
		return new Response(null, { status: 304, headers });
	}
	return new Response(file.body, { headers });
}
