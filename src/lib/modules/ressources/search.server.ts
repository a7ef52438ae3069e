/**
 * The resource search: French full text over the weighted `search` column (title A, tags B,
 * description C, document text D), typos in titles through trigrams, filters, facet counts
 * (search-facets.server.ts), visibility in SQL.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../server/auth/policy';
import type { Ctx } from '../../server/context';
import {
	MAX_QUERY_LENGTH,
	clampPerPage,
	effectiveSort,
	pageWindow,
	type ResourceSearch
} from './search-query';
import { authorNamesOf } from './repository.server';
import { facetCounts, type Facets } from './search-facets.server';
import {
	allOf,
	facetFilters,
	tagFilter,
	titleCloseTo,
	visibleTo,
	wordsQuery
} from './search-sql.server';
import { MARK_START, MARK_STOP, excerptHtml, highlightedHtml, plainMarkdown } from './snippets';

export type { ResourceSearch } from './search-query';
export type { Count, Facets } from './search-facets.server';

export interface ResourceHit {
	id: string;
	slug: string;
	title: string;
	kind: string;
	publishedOn: string | null;
	createdAt: Date;
	themes: string[];
	authors: string[];
	fileType: string | null;
	fileSize: number | null;
	externalUrl: string | null;
	/** Safe HTML: escaped text with the matched words in <mark>. */
	snippet: string;
}

export interface ResourceResults {
	total: number;
	page: number;
	perPage: number;
	items: ResourceHit[];
	/** True when no resource had the words and titles close to them were searched instead. */
	approximate?: boolean;
	/** More resources match than `total` (COUNT_CAP): "plus de 1 000". */
	moreThanTotal?: boolean;
	facets?: Facets;
}

/** Shortest query for which close titles are tried when the words match nothing. */
const MIN_TYPO_LENGTH = 4;
/** How many matching resources are ranked by relevance at most. */
export const RANK_CAP = 1000;
/**
 * Results are counted up to this number ("plus de 1 000"): counting all the resources that
 * mention a common word would read most of the table; the facets still count them all.
 */
export const COUNT_CAP = 1000;
const WEIGHTS = '{0.05, 0.2, 0.4, 1.0}';
const MARKS = `StartSel=${MARK_START}, StopSel=${MARK_STOP}, ShortWord=0`;
/** A description is short: one passage; a document: the two best fragments. */
const DESCRIPTION_HEADLINE = `${MARKS}, MaxWords=35, MinWords=15`;
const DOCUMENT_HEADLINE = `${MARKS}, MaxWords=20, MinWords=8, MaxFragments=2, FragmentDelimiter=" … "`;

interface Match {
	where: SQL;
	rank: SQL;
	tsq?: SQL;
}

/**
 * What the words match (with the total): full text first; when it finds nothing, titles close
 * to the words (typos), then flagged approximate.
 */
async function resolveMatch(ctx: Ctx, actor: Actor | null, query: ResourceSearch) {
	const q = query.q.trim().slice(0, MAX_QUERY_LENGTH);
	const filters = facetFilters(query);
	const common = [visibleTo(actor), query.tag ? tagFilter(query.tag) : undefined];
	const count = async (m: Match | null) =>
		Number(
			(
				await ctx.db.execute<{ n: number }>(
					sql`select count(*)::int as n from (select 1 from resources r
						where ${allOf([...common, m?.where, ...Object.values(filters)])}
						limit ${COUNT_CAP + 1}) s`
				)
			).rows[0]!.n
		);

	let match: Match | null = null;
	let approximate = false;
	if (q) {
		const tsq = wordsQuery(q);
		// Ranked on the small head (title, tags, description): the document's lexemes are not
		// read; a match only in the document ranks after, then by date.
		match = {
			where: sql`r.search @@ ${tsq}`,
			rank: sql`ts_rank(${WEIGHTS}, r.search_head, ${tsq})`,
			tsq
		};
	}
	let total = await count(match);
	if (q && total === 0 && q.length >= MIN_TYPO_LENGTH) {
		match = {
			where: titleCloseTo(q),
			rank: sql`word_similarity(immutable_unaccent(lower(${q})), immutable_unaccent(lower(r.title)))`
		};
		total = await count(match);
		approximate = total > 0;
	}
	const capped = total > COUNT_CAP;
	return { q, filters, common, match, total: Math.min(total, COUNT_CAP), capped, approximate };
}

/**
 * With words, the way in is always the GIN index: the index alone decides a match, whereas a
 * sequential scan (which the planner prefers for common words) reads every document's lexemes.
 */
function withWordsPlan<T>(ctx: Ctx, q: string, fn: (ctx: Ctx) => Promise<T>): Promise<T> {
	if (!q.trim()) return fn(ctx);
	return ctx.db.transaction(async (tx) => {
		await tx.execute(sql`set local enable_seqscan = off`);
		return fn({ ...ctx, db: tx as unknown as Ctx['db'] });
	});
}

export function searchResources(
	ctx: Ctx,
	actor: Actor | null,
	query: ResourceSearch,
	options: { facets?: boolean } = {}
): Promise<ResourceResults> {
	return withWordsPlan(ctx, query.q, (c) => search(c, actor, query, options));
}

const COLUMNS = sql`r.id, r.slug, r.title, r.kind, r.published_on, r.created_at, r.themes,
	r.file_type, r.file_size, r.external_url`;
const BY_DATE = sql`r.published_on desc nulls last, r.created_at desc nulls last, r.id desc nulls last`;

async function search(
	ctx: Ctx,
	actor: Actor | null,
	query: ResourceSearch,
	options: { facets?: boolean }
): Promise<ResourceResults> {
	const resolved = await resolveMatch(ctx, actor, query);
	const { q, filters, common, match, total, approximate } = resolved;
	const perPage = clampPerPage(query.perPage);
	const sort = effectiveSort({ ...query, q });
	const { page, offset } = pageWindow(total, query.page, perPage);
	const ranked = sort === 'relevance' && match !== null;
	// Words found in thousands of resources: the most recent RANK_CAP are ranked, and pages
	// beyond them follow the date.
	const capped = ranked && (resolved.capped || total > RANK_CAP);
	const order =
		ranked && !(capped && offset + perPage > RANK_CAP)
			? sql`${match.rank} desc, ${BY_DATE}`
			: BY_DATE;
	const where = allOf([...common, match?.where, ...Object.values(filters)]);
	const from =
		capped && offset + perPage <= RANK_CAP
			? sql`(select ${COLUMNS}, r.search_head from resources r
					where ${where} order by ${BY_DATE} limit ${RANK_CAP}) r`
			: sql`resources r where ${where}`;
	const rows =
		total === 0
			? []
			: (
					await ctx.db.execute<{
						id: string;
						slug: string;
						title: string;
						kind: string;
						published_on: string | null;
						created_at: string | Date;
						themes: string[];
						file_type: string | null;
						file_size: string | number | null;
						external_url: string | null;
					}>(sql`
						select r.id, r.slug, r.title, r.kind, r.published_on::text as published_on, r.created_at,
							r.themes, r.file_type, r.file_size, r.external_url
						from ${from}
						order by ${order}
						limit ${perPage} offset ${offset}`)
				).rows;

	const ids = rows.map((r) => r.id);
	const [snippets, authors] = await Promise.all([
		snippetsFor(ctx, ids, match?.tsq),
		authorNamesOf(ctx.db, ids)
	]);
	const items: ResourceHit[] = rows.map((r) => ({
		id: r.id,
		slug: r.slug,
		title: r.title,
		kind: r.kind,
		publishedOn: r.published_on,
		createdAt: new Date(r.created_at),
		themes: r.themes,
		authors: authors.get(r.id) ?? [],
		fileType: r.file_type,
		fileSize: r.file_size === null ? null : Number(r.file_size),
		externalUrl: r.external_url,
		snippet: snippets.get(r.id) ?? ''
	}));

	const result: ResourceResults = { total, page, perPage, items };
	if (approximate) result.approximate = true;
	if (resolved.capped) result.moreThanTotal = true;
	if (options.facets) result.facets = await facetCounts(ctx, query, [...common, match?.where]);
	return result;
}

/**
 * Only for the page's rows. The passage comes from the document's text when the words are
 * only there, else from the description; without words, the description's start.
 */
async function snippetsFor(ctx: Ctx, ids: string[], tsq: SQL | undefined) {
	const out = new Map<string, string>();
	if (ids.length === 0) return out;
	if (!tsq) {
		const rows = await ctx.db.execute<{ id: string; description: string }>(
			sql`select id, description from resources where id = any(${sql.param(ids)}::uuid[])`
		);
		for (const r of rows.rows) out.set(r.id, excerptHtml(r.description));
		return out;
	}
	const rows = await ctx.db.execute<{
		id: string;
		in_document: boolean;
		headline: string | null;
	}>(sql`
		select r.id, not (r.search_head @@ q.tsq) as in_document,
			case when r.search_head @@ q.tsq
				then ts_headline('fr_unaccent', r.description, q.tsq, ${DESCRIPTION_HEADLINE})
				else ts_headline('fr_unaccent', coalesce(r.document_text, ''), q.tsq, ${DOCUMENT_HEADLINE})
			end as headline
		from resources r, (select ${tsq} as tsq) q
		where r.id = any(${sql.param(ids)}::uuid[])`);
	for (const r of rows.rows) {
		const text = r.headline ?? '';
		out.set(r.id, highlightedHtml(r.in_document ? text : plainMarkdown(text)));
	}
	return out;
}

/** The facet counts alone (the list page asks for them with the results). */
export function resourceFacets(
	ctx: Ctx,
	actor: Actor | null,
	query: ResourceSearch
): Promise<Facets> {
	return withWordsPlan(ctx, query.q, async (c) => {
		const { common, match } = await resolveMatch(c, actor, query);
		return facetCounts(c, query, [...common, match?.where]);
	});
}
