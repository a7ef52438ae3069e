/** An event as the agenda's lists show it, and its date and place in French. Pure. */
import type { EventKind } from './labels';
import { coveredDays } from './calendar';

export interface EventItem {
	id: string;
	slug: string;
	kind: EventKind;
	title: string;
	startsAt: Date;
	endsAt: Date;
	allDay: boolean;
	timeZone: string;
	placeName: string | null;
	address: string | null;
	commune: string | null;
	onlineUrl: string | null;
	status: 'confirme' | 'annule';
	visibility: 'public' | 'members' | 'space';
	isExample: boolean;
	spaces: { slug: string; label: string }[];
}

const TZ = 'Europe/Paris';
const longDay = new Intl.DateTimeFormat('fr-FR', {
	weekday: 'long',
	day: 'numeric',
	month: 'long',
	year: 'numeric',
	timeZone: TZ
});
const dayMonth = new Intl.DateTimeFormat('fr-FR', {
	weekday: 'long',
	day: 'numeric',
	month: 'long',
	timeZone: TZ
});
const time = new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit', timeZone: TZ });

export const formatTime = (d: Date) => time.format(d);
export const formatLongDay = (d: Date) => longDay.format(d);

/** « mercredi 12 mars 2025, 18:00 – 20:00 », « du … au … », « … (toute la journée) ». */
export function formatWhen(e: Pick<EventItem, 'startsAt' | 'endsAt' | 'allDay'>): string {
	const days = coveredDays(e, TZ);
	const lastDay = new Date(Math.max(e.startsAt.getTime(), e.endsAt.getTime() - 1));
	if (e.allDay) {
		if (days.length === 1) return `${longDay.format(e.startsAt)} (toute la journée)`;
		return `du ${dayMonth.format(e.startsAt)} au ${longDay.format(lastDay)}`;
	}
	if (days.length === 1) {
		return `${longDay.format(e.startsAt)}, ${time.format(e.startsAt)} – ${time.format(e.endsAt)}`;
	}
	return `du ${dayMonth.format(e.startsAt)} à ${time.format(e.startsAt)} au ${longDay.format(e.endsAt)} à ${time.format(e.endsAt)}`;
}

/** « Salle des fêtes, Dieulefit », « En ligne », « Salle…, Dieulefit et en ligne ». */
export function formatWhere(
	e: Pick<EventItem, 'placeName' | 'address' | 'commune' | 'onlineUrl'>
): string | null {
	const place = [e.placeName ?? e.address, e.commune].filter(Boolean).join(', ');
	if (place && e.onlineUrl) return `${place} et en ligne`;
	if (place) return place;
	return e.onlineUrl ? 'En ligne' : null;
}
