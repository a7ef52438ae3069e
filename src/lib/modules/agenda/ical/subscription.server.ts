/** The « S'abonner à l'agenda » page: the public feeds, and a member's own feed. */
import { asc } from 'drizzle-orm';
import type { Ctx } from '../../../server/context';
import { isMember, type Actor } from '../../../server/auth/policy';
import { spaces } from '../../../server/db/schema';
import { feedTokenFor, regenerateFeedToken } from './feeds.server';

export interface FeedLink {
	label: string;
	url: string;
}

export interface SubscriptionPage {
	publicFeed: FeedLink;
	spaceFeeds: FeedLink[];
	/** Only for members; null for a visitor. */
	personalFeed: FeedLink | null;
}

/** What the page shows; anyone may open it, members also get their own address. */
export async function subscriptionPage(ctx: Ctx, actor: Actor | null): Promise<SubscriptionPage> {
	const base = ctx.env.baseUrl;
	const list = await ctx.db
		.select({ slug: spaces.slug, title: spaces.title })
		.from(spaces)
		.orderBy(asc(spaces.number), asc(spaces.title));
	return {
		publicFeed: { label: 'Agenda public de la démarche', url: `${base}/agenda.ics` },
		spaceFeeds: list.map((s) => ({
			label: s.title,
			url: `${base}/chantiers/${s.slug}/agenda.ics`
		})),
		personalFeed: isMember(actor)
			? { label: 'Mon agenda', url: personalFeedUrl(ctx, await feedTokenFor(ctx, actor)) }
			: null
	};
}

export const personalFeedUrl = (ctx: Ctx, token: string) =>
	`${ctx.env.baseUrl}/agenda/flux/${token}.ics`;

/** Replaces the member's secret; returns the new address. */
export async function regeneratePersonalFeed(ctx: Ctx, actor: Actor | null): Promise<string> {
	return personalFeedUrl(ctx, await regenerateFeedToken(ctx, actor));
}
