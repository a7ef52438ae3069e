/**
 * A recurrence rule said in French for the event page (« tous les premiers mardis du mois »).
 * Covers the rules the form offers and the common ones; anything else falls back to a
 * neutral sentence rather than a wrong one. Pure.
 */
const DAYS: Record<string, string> = {
	MO: 'lundi',
	TU: 'mardi',
	WE: 'mercredi',
	TH: 'jeudi',
	FR: 'vendredi',
	SA: 'samedi',
	SU: 'dimanche'
};
const ORDINALS: Record<string, string> = {
	'1': 'premier',
	'2': 'deuxième',
	'3': 'troisième',
	'4': 'quatrième',
	'5': 'cinquième',
	'-1': 'dernier'
};
const MONTHS = [
	'janvier',
	'février',
	'mars',
	'avril',
	'mai',
	'juin',
	'juillet',
	'août',
	'septembre',
	'octobre',
	'novembre',
	'décembre'
];

const plural = (word: string) => (word.endsWith('s') ? word : `${word}s`);

function joinFr(items: string[]): string {
	if (items.length <= 1) return items.join('');
	return `${items.slice(0, -1).join(', ')} et ${items.at(-1)}`;
}

/** « 2025-06-30 » from an UNTIL value (« 20250630 », « 20250630T215959Z »). */
function untilDate(value: string): string | null {
	const m = /^(\d{4})(\d{2})(\d{2})/.exec(value);
	if (!m) return null;
	return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
}

/** « chaque semaine le mardi », « tous les premiers mardis du mois », … */
export function describeRrule(rule: string): string {
	const parts = new Map<string, string>();
	for (const piece of rule.replace(/^RRULE:/i, '').split(';')) {
		const [k, v] = piece.split('=');
		if (k && v) parts.set(k.toUpperCase(), v.toUpperCase());
	}
	const freq = parts.get('FREQ');
	const interval = Math.max(1, Number(parts.get('INTERVAL') ?? '1') || 1);
	const byDay = (parts.get('BYDAY') ?? '').split(',').filter(Boolean);
	const byMonthDay = (parts.get('BYMONTHDAY') ?? '').split(',').filter(Boolean);
	const days = byDay.map((d) => /^([+-]?\d)?(MO|TU|WE|TH|FR|SA|SU)$/.exec(d));
	if (days.some((d) => !d)) return 'selon une règle de répétition particulière';

	let text: string;
	if (freq === 'DAILY') {
		text = interval === 1 ? 'chaque jour' : `tous les ${interval} jours`;
	} else if (freq === 'WEEKLY') {
		text = interval === 1 ? 'chaque semaine' : `toutes les ${interval} semaines`;
		if (days.length > 0) text += ` le ${joinFr(days.map((d) => DAYS[d![2]!]!))}`;
	} else if (freq === 'MONTHLY') {
		const every = interval === 1 ? 'du mois' : `tous les ${interval} mois`;
		const ordered = days.filter((d) => d![1]);
		if (days.length > 0 && ordered.length === days.length) {
			const names = days.map((d) => {
				const ord = ORDINALS[String(Number(d![1]))];
				return ord ? `${plural(ord)} ${plural(DAYS[d![2]!]!)}` : null;
			});
			if (names.some((n) => !n)) return 'selon une règle de répétition particulière';
			text = `tous les ${joinFr(names as string[])} ${every}`;
		} else if (days.length === 0 && byMonthDay.length > 0) {
			const nums = byMonthDay.map((n) => (n === '1' ? '1er' : n === '-1' ? 'dernier jour' : n));
			text = `le ${joinFr(nums)} ${every === 'du mois' ? 'de chaque mois' : every}`;
		} else if (days.length === 0) {
			text = interval === 1 ? 'chaque mois' : `tous les ${interval} mois`;
		} else return 'selon une règle de répétition particulière';
	} else if (freq === 'YEARLY') {
		text = interval === 1 ? 'chaque année' : `tous les ${interval} ans`;
	} else {
		return 'selon une règle de répétition particulière';
	}

	const count = Number(parts.get('COUNT'));
	const until = parts.get('UNTIL');
	if (Number.isInteger(count) && count > 0) {
		text += `, ${count} fois`;
	} else if (until) {
		const d = untilDate(until);
		if (d) text += `, jusqu’au ${d}`;
	}
	return text;
}
