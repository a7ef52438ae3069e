/**
 * The agenda's figures from plain rows (no database): meetings by kind, distinct participants,
 * hours given, volunteer and paid hours — overall or for one space.
 */
import { EVENT_KINDS, type EventKind } from './labels';
import { attendeeMinutes } from './hours';

export interface FigureEvent {
	id: string;
	kind: EventKind;
	spaceIds: string[];
	plannedMinutes: number;
	recordedMinutes: number | null;
}

export interface FigureAttendance {
	eventId: string;
	/** Who, across events: `u:<user>`, `e:<lower(email)>` or `n:<lower(name)>`. */
	participant: string;
	timeKind: 'benevole' | 'salarie';
	minutes: number | null;
}

export interface Figures {
	meetings: Record<EventKind, number>;
	meetingsTotal: number;
	participants: number;
	minutesGiven: number;
	volunteerMinutes: number;
	paidMinutes: number;
}

export const emptyFigures = (): Figures => ({
	meetings: Object.fromEntries(EVENT_KINDS.map((k) => [k, 0])) as Record<EventKind, number>,
	meetingsTotal: 0,
	participants: 0,
	minutesGiven: 0,
	volunteerMinutes: 0,
	paidMinutes: 0
});

/**
 * Sums the events (already filtered: past, not cancelled, in the period) and their attendance;
 * with `spaceId`, only the events that space organises. An event of several spaces counts once
 * overall and once for each of its spaces.
 */
export function aggregate(
	events: FigureEvent[],
	attendance: FigureAttendance[],
	spaceId?: string
): Figures {
	const out = emptyFigures();
	const kept = new Map<string, FigureEvent>();
	for (const e of events) {
		if (spaceId && !e.spaceIds.includes(spaceId)) continue;
		kept.set(e.id, e);
		out.meetings[e.kind] += 1;
		out.meetingsTotal += 1;
	}
	const people = new Set<string>();
	for (const a of attendance) {
		const e = kept.get(a.eventId);
		if (!e) continue;
		people.add(a.participant);
		const m = attendeeMinutes(a.minutes, e.recordedMinutes, e.plannedMinutes);
		out.minutesGiven += m;
		if (a.timeKind === 'benevole') out.volunteerMinutes += m;
		else out.paidMinutes += m;
	}
	out.participants = people.size;
	return out;
}

export interface FiguresFilters {
	from: string | null;
	to: string | null;
	/** A space's slug. */
	space: string | null;
	/** Set when the period is a whole year (« ?annee=2024 »). */
	year: number | null;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const validDay = (v: string | null) =>
	v && DAY.test(v) && !Number.isNaN(Date.parse(`${v}T12:00:00Z`)) ? v : null;

/**
 * The figures page's filters from its URL: `annee` (a whole year) or `du` / `au` (days), and
 * `espace` (a slug). Anything malformed is ignored; dates the wrong way round are swapped.
 */
export function parseFiguresFilters(params: URLSearchParams): FiguresFilters {
	const year = Number(params.get('annee'));
	const space = params.get('espace');
	const slug = space && /^[a-z0-9-]{1,100}$/.test(space) ? space : null;
	if (Number.isInteger(year) && year >= 2000 && year <= 2100) {
		return { from: `${year}-01-01`, to: `${year}-12-31`, space: slug, year };
	}
	let from = validDay(params.get('du'));
	let to = validDay(params.get('au'));
	if (from && to && from > to) [from, to] = [to, from];
	return { from, to, space: slug, year: null };
}
