/**
 * Example history of the agenda (seed 000): the démarche's key dates, the six comité de pilotage
 * meetings, the 32 chantier meetings and the two interchantier days, with attendance so that the
 * figures land near the bilan's « 2 600 heures cumulées, dont 1 600 heures d'engagement
 * bénévole ». Only the key dates and the counts come from the seeds; the other dates, the
 * attendance and the guests' names are made up, deterministically, and marked as examples.
 *
 * The launch day (13 October 2023, dated so by the bilan) gathered every chantier: it is the
 * first of the two interchantier days, the cooperative day of 2 October 2024 the second. The two
 * restitutions are public events of the comité de pilotage.
 */
import type { EventKind } from '../../agenda/labels';

export type SeedTimeKind = 'benevole' | 'salarie';

export interface SeedAttendee {
	/** A person of people.ts, or a guest known by name only. */
	personKey?: string;
	guest?: string;
	timeKind: SeedTimeKind;
	/** Own time when shorter than the meeting (left early). */
	minutes?: number;
}

export interface SeedEvent {
	kind: EventKind;
	title: string;
	description: string;
	/** Wall-clock start in Europe/Paris. */
	start: string;
	plannedMinutes: number;
	/** Real duration recorded with the attendance. */
	attendanceMinutes: number;
	placeName?: string;
	onlineUrl?: string;
	spaceSlugs: string[];
	attendance: SeedAttendee[];
}

const CHANTIERS = [
	'chantier-1-competences-metiers',
	'chantier-2-outils-financiers',
	'chantier-3-accompagnement',
	'chantier-4-ecosystemes-cooperatifs',
	'chantier-5-valorisation'
];
const COPIL = 'comite-de-pilotage';

/** Persons of people.ts taking part in their own name: their time is volunteer. */
export const volunteerPeople = [
	'julie-chabaud',
	'lelio-lemoine',
	'elise-renaudin',
	'lorenzo-favia',
	'philippe-garcin',
	'marie-helene-pillot',
	'anne-claire-arreghini',
	'marc-alphandery'
];
const referents = [
	'sophie-aouizerate',
	'wafae-kerzazi',
	'sylvia-garzon',
	'celine-coubard',
	'julien-neiertz'
];
const everyone = [
	'mickael-vartuaroglu',
	...referents,
	'bruno-lasnier',
	'claude-alphandery',
	'denis-dementhon',
	...volunteerPeople
];
const kindOfPerson = (key: string): SeedTimeKind =>
	volunteerPeople.includes(key) ? 'benevole' : 'salarie';
const person = (key: string): SeedAttendee => ({ personKey: key, timeKind: kindOfPerson(key) });

// Fictitious guests: 17 first names × 5 last names, each pair once.
const FIRST = [
	'Amandine',
	'Bastien',
	'Capucine',
	'Damien',
	'Estelle',
	'Fabrice',
	'Gaëlle',
	'Hugo',
	'Inès',
	'Jérôme',
	'Karima',
	'Loïc',
	'Maëlle',
	'Nicolas',
	'Ophélie',
	'Pascal',
	'Rachida'
];
const LAST = ['Arnaud', 'Bertin', 'Chevalier', 'Delmas', 'Ezanno'];
export const GUESTS = FIRST.length * LAST.length;
const guestName = (i: number) => `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length)]}`;
/** Five guests in eight give their time as volunteers. */
const guest = (i: number): SeedAttendee => ({
	guest: guestName(i % GUESTS),
	timeKind: i % 8 < 5 ? 'benevole' : 'salarie'
});
/** `n` guests from `from`, wrapping around the pool. */
const guests = (from: number, n: number) =>
	Array.from({ length: n }, (_, k) => guest((from + k) % GUESTS));

/** Every ninth attendee of a long day leaves at half time. */
const someLeaveEarly = (list: SeedAttendee[], minutes: number) =>
	list.map((a, i) => (i % 9 === 8 ? { ...a, minutes: Math.round(minutes / 2) } : a));

const keyDates: SeedEvent[] = [
	{
		kind: 'interchantiers',
		title: 'Journée de lancement des chantiers coopératifs',
		description:
			'Partager une vision commune des chantiers coopératifs, élaborer ensemble leur charte et définir les objectifs, le fonctionnement et la feuille de route de chaque chantier.',
		start: '2023-10-13T09:00',
		plannedMinutes: 450,
		attendanceMinutes: 390,
		spaceSlugs: [...CHANTIERS, COPIL],
		attendance: someLeaveEarly([...everyone.map(person), ...guests(0, 58)], 390)
	},
	{
		kind: 'externe',
		title: 'Restitution du rapport « Vers une société de la coopération »',
		description:
			"Présentation du rapport de l'étude-action sur l'accompagnement et le financement des coopérations territoriales.",
		start: '2024-03-12T14:00',
		plannedMinutes: 180,
		attendanceMinutes: 180,
		spaceSlugs: [COPIL],
		attendance: [
			...['mickael-vartuaroglu', 'marc-alphandery', ...referents].map(person),
			...guests(20, 52)
		]
	},
	{
		kind: 'interchantiers',
		title: "Journée coopérative après un an d'expérimentation",
		description:
			'Seconde journée interchantiers : les participant·e·s reviennent collectivement sur la démarche et en tirent des enseignements.',
		start: '2024-10-02T09:30',
		plannedMinutes: 450,
		attendanceMinutes: 390,
		spaceSlugs: [...CHANTIERS, COPIL],
		attendance: someLeaveEarly(
			[...['mickael-vartuaroglu', ...referents, ...volunteerPeople].map(person), ...guests(30, 56)],
			390
		)
	},
	{
		kind: 'externe',
		title: 'Restitution de la démarche des chantiers coopératifs',
		description: 'Présentation des travaux et des enseignements des cinq chantiers coopératifs.',
		start: '2025-03-27T14:00',
		plannedMinutes: 210,
		attendanceMinutes: 210,
		spaceSlugs: [COPIL],
		attendance: [
			...['mickael-vartuaroglu', 'marc-alphandery', ...referents].map(person),
			...guests(45, 52)
		]
	}
];

const copilDates = [
	'2023-11-21',
	'2024-01-23',
	'2024-05-14',
	'2024-09-10',
	'2025-01-14',
	'2025-05-20'
];
/** Eleven members: the coordinator, the five référent·e·s and five partners. */
const copil: SeedEvent[] = copilDates.map((day, n) => ({
	kind: 'copil',
	title: 'Comité de pilotage',
	description: 'Suivi de la démarche, liens entre les chantiers et préparation des temps communs.',
	start: `${day}T10:00`,
	plannedMinutes: 150,
	attendanceMinutes: 150,
	onlineUrl: 'https://visio.example.org/copil',
	spaceSlugs: [COPIL],
	attendance: [...['mickael-vartuaroglu', ...referents].map(person), ...guests(60 + n, 5)]
}));

/** Meetings per chantier (32 in all) and the first guest of each chantier's circle. */
const circles = [
	{ meetings: 8, from: 0 },
	{ meetings: 6, from: 17 },
	{ meetings: 7, from: 34 },
	{ meetings: 6, from: 51 },
	{ meetings: 5, from: 68 }
];
const chantierMeetings: SeedEvent[] = circles.flatMap((c, n) =>
	Array.from({ length: c.meetings }, (_, j) => {
		// Spread from November 2023 to June 2025, a little apart between chantiers.
		const month = 11 + Math.floor((j * 19) / c.meetings) + (n % 2);
		const year = 2023 + Math.floor((month - 1) / 12);
		const mm = String(((month - 1) % 12) + 1).padStart(2, '0');
		const dd = String(5 + n * 4 + (j % 3)).padStart(2, '0');
		const regulars = [
			referents[n]!,
			volunteerPeople[n]!,
			volunteerPeople[(n + 3) % volunteerPeople.length]!
		];
		return {
			kind: 'reunion_chantier' as const,
			title: `Réunion du chantier ${n + 1}`,
			description: 'Avancement des travaux du chantier et de sa feuille de route.',
			start: `${year}-${mm}-${dd}T14:00`,
			plannedMinutes: 180,
			attendanceMinutes: j % 4 === 3 ? 150 : 180,
			onlineUrl: 'https://visio.example.org/chantier',
			spaceSlugs: [CHANTIERS[n]!],
			attendance: [...regulars.map(person), ...guests(c.from + (j % 5), 8 + (j % 4))]
		};
	})
);

export const agendaEvents: SeedEvent[] = [...keyDates, ...copil, ...chantierMeetings];
