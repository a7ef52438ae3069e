/**
 * The repetitions the event form offers (weekly, every two weeks, the nth or last weekday of
 * the month), as RRULEs built from the first occurrence's date; "custom" keeps a typed rule.
 * Pure, no database.
 */
import { parseRrule } from './recurrence';
import { instantToLocal, localToInstant } from './time';

export const REPEAT_CHOICES = [
	'',
	'weekly',
	'biweekly',
	'monthly-nth',
	'monthly-last',
	'custom'
] as const;
export type RepeatChoice = (typeof REPEAT_CHOICES)[number];

const CODES = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];
const DAYS = ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'];
const ORDINALS = ['premier', 'deuxième', 'troisième', 'quatrième', 'cinquième'];

/** Weekday (0 = Sunday), week of the month (1–5) and whether it is the month's last such day. */
function place(date: string) {
	const [y, m, d] = date.split('-').map(Number) as [number, number, number];
	const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
	const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
	return { weekday, nth: Math.ceil(d / 7), last: d + 7 > daysInMonth };
}

const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !isNaN(Date.parse(`${s}T00:00Z`));

/**
 * The UNTIL value of a last day (inclusive): the day itself for all-day series; for timed ones,
 * the UTC instant of that day's 23:59:59 in the series' zone, as RFC 5545 asks when the start
 * has a time zone (a bare date would end the series the day before).
 */
export function untilValue(day: string, allDay: boolean, timeZone: string): string {
	if (allDay) return day.replaceAll('-', '');
	const end = localToInstant(`${day}T23:59`, timeZone);
	if (!end) return day.replaceAll('-', '');
	const utc = new Date(end.getTime() + 59_000).toISOString();
	return `${utc.slice(0, 19).replace(/[-:]/g, '')}Z`;
}

/** A typed rule's UNTIL given as a bare date, made inclusive for a timed series. */
export function inclusiveUntil(rule: string, allDay: boolean, timeZone: string): string {
	if (allDay) return rule;
	return rule.replace(
		/UNTIL=(\d{4})(\d{2})(\d{2})(?=;|$)/i,
		(_, y, m, d) => `UNTIL=${untilValue(`${y}-${m}-${d}`, false, timeZone)}`
	);
}

/**
 * The rule of a choice for a series whose first occurrence starts at `startLocal` (« YYYY-MM-DD »
 * all day, « YYYY-MM-DDTHH:mm » otherwise), until a last day.
 */
export function presetRule(
	choice: RepeatChoice,
	startLocal: string,
	until: string | null = null,
	timeZone = 'Europe/Paris'
): string | null {
	const startDate = startLocal.slice(0, 10);
	if (!isDate(startDate) || choice === '' || choice === 'custom') return null;
	const { weekday, nth } = place(startDate);
	const code = CODES[weekday]!;
	const base = {
		weekly: 'FREQ=WEEKLY',
		biweekly: 'FREQ=WEEKLY;INTERVAL=2',
		'monthly-nth': `FREQ=MONTHLY;BYDAY=${Math.min(nth, 4)}${code}`,
		'monthly-last': `FREQ=MONTHLY;BYDAY=-1${code}`
	}[choice];
	if (!base) return null;
	const allDay = startLocal.length === 10;
	return until ? `${base};UNTIL=${untilValue(until, allDay, timeZone)}` : base;
}

/** The choices' labels for a first occurrence on `startDate` (generic without a date). */
export function repeatLabels(startDate: string): Record<RepeatChoice, string> {
	const p = isDate(startDate) ? place(startDate) : null;
	const day = p ? DAYS[p.weekday]! : 'jour';
	return {
		'': 'Ne se répète pas',
		weekly: p ? `Chaque semaine, le ${day}` : 'Chaque semaine',
		biweekly: p ? `Toutes les deux semaines, le ${day}` : 'Toutes les deux semaines',
		'monthly-nth': p
			? `Chaque mois, le ${ORDINALS[Math.min(p.nth, 4) - 1]} ${day}`
			: 'Chaque mois, le même jour de la semaine',
		'monthly-last': p ? `Chaque mois, le dernier ${day}` : 'Chaque mois, le dernier jour',
		custom: 'Règle personnalisée (iCalendar)'
	};
}

/** The choices that make sense for this date: "the last Tuesday" only in a month's last week. */
export function repeatChoicesFor(startDate: string): RepeatChoice[] {
	const p = isDate(startDate) ? place(startDate) : null;
	return REPEAT_CHOICES.filter((c) => c !== 'monthly-last' || !p || p.last);
}

const canonical = (rule: string) => {
	const r = parseRrule(rule);
	return 'rule' in r ? r.rule : null;
};

/** The last day (« YYYY-MM-DD », in the zone) of an UNTIL value, or null. */
function untilDay(value: string, timeZone: string): string | null {
	const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?$/.exec(value);
	if (!m) return null;
	const day = `${m[1]}-${m[2]}-${m[3]}`;
	if (!m[4] || !m[7]) return day;
	const instant = new Date(`${day}T${m[4]}:${m[5]}:${m[6]}Z`);
	return instantToLocal(instant, timeZone).slice(0, 10);
}

/** How the form shows a stored rule: the preset it is (with its last day), or custom. */
export function choiceOf(
	rrule: string | null,
	startLocal: string,
	timeZone = 'Europe/Paris'
): { repeat: RepeatChoice; until: string; rrule: string } {
	if (!rrule) return { repeat: '', until: '', rrule: '' };
	const m = /(?:^|;)UNTIL=([^;]*)/i.exec(rrule);
	const until = m ? untilDay(m[1]!, timeZone) : null;
	if (m && !until) return { repeat: 'custom', until: '', rrule };
	const plain = canonical(rrule.replace(/;?UNTIL=[^;]*/i, '').replace(/^;/, ''));
	for (const c of REPEAT_CHOICES) {
		const rule = presetRule(c, startLocal);
		if (rule && plain && canonical(rule) === plain) return { repeat: c, until: until ?? '', rrule };
	}
	return { repeat: 'custom', until: '', rrule };
}
