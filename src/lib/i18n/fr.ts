/** fr-FR formatters in the Europe/Paris time zone, and reused French strings. */
const TZ = 'Europe/Paris';

const day = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: TZ });
const month = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: TZ });
const dateTime = new Intl.DateTimeFormat('fr-FR', {
	dateStyle: 'medium',
	timeStyle: 'short',
	timeZone: TZ
});
const number = new Intl.NumberFormat('fr-FR');

const toDate = (d: Date | string) =>
	typeof d === 'string' ? new Date(d.length === 10 ? `${d}T12:00:00Z` : d) : d;

export const formatDate = (d: Date | string) => day.format(toDate(d));
export const formatDateTime = (d: Date | string) => dateTime.format(toDate(d));
export const formatNumber = (n: number) => number.format(n);

/** A date shown with the precision it is known to ("octobre 2023", "2024", "13 octobre 2023"). */
export function formatPartialDate(d: string, precision: 'day' | 'month' | 'year') {
	if (precision === 'year') return d.slice(0, 4);
	if (precision === 'month') return month.format(toDate(d));
	return formatDate(d);
}

export const spaceRoleLabels = {
	referent: 'Référent·e',
	membre: 'Membre',
	observateur: 'Observateur·rice'
} as const;

export const siteName = 'Chantiers coopératifs';
export const title = (page: string) => `${page} – ${siteName}`;
