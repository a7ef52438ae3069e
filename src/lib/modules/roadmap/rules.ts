/**
 * Pure rules of the feuille de route: statuses and their changes, progress of an objective,
 * the French wording of an action's history, and the URL filters.
 */
import { z } from 'zod';
import { formatDate } from '../../i18n/fr';

export const ACTION_STATUSES = ['a_faire', 'en_cours', 'fait', 'abandonnee'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const statusLabels: Record<ActionStatus, string> = {
	a_faire: 'À faire',
	en_cours: 'En cours',
	fait: 'Fait',
	abandonnee: 'Abandonnée'
};

export const objectiveKindLabels = {
	strategique: 'Objectif stratégique',
	operationnel: 'Objectif opérationnel'
} as const;
export type ObjectiveKind = keyof typeof objectiveKindLabels;

export const isStatus = (s: unknown): s is ActionStatus =>
	typeof s === 'string' && (ACTION_STATUSES as readonly string[]).includes(s);

/**
 * Whether an action may go from one status to another. Every change is allowed except staying
 * put: a done action can be reopened, an abandoned one taken up again.
 */
export function canChangeStatus(from: ActionStatus, to: ActionStatus): boolean {
	return isStatus(from) && isStatus(to) && from !== to;
}

/**
 * When an action counts as done: set the first time it becomes « fait », cleared when it leaves
 * that status, kept otherwise.
 */
export function nextDoneAt(
	from: ActionStatus,
	to: ActionStatus,
	doneAt: Date | null,
	now: Date
): Date | null {
	if (to !== 'fait') return null;
	return from === 'fait' ? doneAt : now;
}

export interface Progress {
	done: number;
	/** Actions that count: all but abandoned ones. */
	total: number;
	/** 0–100, rounded; 0 when there is nothing to do. */
	percent: number;
	/** « 2 actions faites sur 5 », the text shown with the bar. */
	label: string;
}

export function progressOf(statuses: ActionStatus[]): Progress {
	const counted = statuses.filter((s) => s !== 'abandonnee');
	const done = counted.filter((s) => s === 'fait').length;
	const total = counted.length;
	const percent = total ? Math.round((done / total) * 100) : 0;
	const label =
		total === 0
			? 'Aucune action à mener pour le moment'
			: `${done} action${done > 1 ? 's' : ''} faite${done > 1 ? 's' : ''} sur ${total}`;
	return { done, total, percent, label };
}

/** What an action's change stores, field by field: [before, after]. */
export type ChangeSet = Partial<{
	title: [string, string];
	description: [string | null, string | null];
	status: [ActionStatus, ActionStatus];
	dueDate: [string | null, string | null];
	objective: [string, string];
	owners: [string[], string[]];
	productions: [string[], string[]];
}> & { created?: boolean };

const fieldLabels: Record<Exclude<keyof ChangeSet, 'created'>, string> = {
	title: 'Titre',
	description: 'Description',
	status: 'Statut',
	dueDate: 'Échéance',
	objective: 'Objectif',
	owners: 'Responsables',
	productions: 'Productions liées'
};

const none = 'aucune';
const shown = (field: keyof typeof fieldLabels, v: unknown): string => {
	if (v === null || v === undefined || v === '') return `(${none})`;
	if (Array.isArray(v)) return v.length ? v.join(', ') : `(${none})`;
	if (field === 'status' && isStatus(v)) return statusLabels[v];
	if (field === 'dueDate' && typeof v === 'string') return formatDate(v);
	if (field === 'description') return '…';
	return `« ${String(v)} »`;
};

/** The change in French, one line per field: « Statut : À faire → Fait ». */
export function describeChanges(changes: ChangeSet): string[] {
	if (changes.created) return ['Action créée'];
	const lines: string[] = [];
	for (const field of Object.keys(fieldLabels) as (keyof typeof fieldLabels)[]) {
		const pair = changes[field];
		if (!pair) continue;
		if (field === 'description') {
			lines.push(pair[0] ? 'Description modifiée' : 'Description ajoutée');
			continue;
		}
		lines.push(`${fieldLabels[field]} : ${shown(field, pair[0])} → ${shown(field, pair[1])}`);
	}
	return lines;
}

export interface ActionValues {
	title: string;
	description: string | null;
	status: ActionStatus;
	dueDate: string | null;
	objectiveId: string;
	ownerIds: string[];
	productionIds: string[];
}

/**
 * The fields that differ between two versions of an action, with names for owners, productions
 * and objectives so that the history still reads well once they are gone.
 */
export function diffAction(
	before: ActionValues,
	after: ActionValues,
	names: (kind: 'owner' | 'production' | 'objective', id: string) => string
): ChangeSet {
	const out: ChangeSet = {};
	if (before.title !== after.title) out.title = [before.title, after.title];
	if ((before.description ?? '') !== (after.description ?? '')) {
		out.description = [before.description, after.description];
	}
	if (before.status !== after.status) out.status = [before.status, after.status];
	if (before.dueDate !== after.dueDate) out.dueDate = [before.dueDate, after.dueDate];
	if (before.objectiveId !== after.objectiveId) {
		out.objective = [names('objective', before.objectiveId), names('objective', after.objectiveId)];
	}
	const same = (a: string[], b: string[]) =>
		a.length === b.length && [...a].sort().join() === [...b].sort().join();
	if (!same(before.ownerIds, after.ownerIds)) {
		out.owners = [
			before.ownerIds.map((id) => names('owner', id)),
			after.ownerIds.map((id) => names('owner', id))
		];
	}
	if (!same(before.productionIds, after.productionIds)) {
		out.productions = [
			before.productionIds.map((id) => names('production', id)),
			after.productionIds.map((id) => names('production', id))
		];
	}
	return out;
}

const list = (v: unknown) => (Array.isArray(v) ? v : v ? [v] : []).map(String).filter(Boolean);

/** An action typed in a form; owners and productions are checked against the space later. */
export const actionInput = z.object({
	title: z
		.string({ message: 'Indiquez le titre de l’action.' })
		.trim()
		.min(1, 'Indiquez le titre de l’action.')
		.max(300, 'Le titre ne doit pas dépasser 300 caractères.'),
	description: z
		.string()
		.trim()
		.max(5000, 'La description ne doit pas dépasser 5 000 caractères.')
		.optional()
		.transform((v) => v || null),
	status: z.enum(ACTION_STATUSES, { error: 'Choisissez un statut.' }).default('a_faire'),
	dueDate: z
		.string()
		.trim()
		.optional()
		.refine((v) => !v || (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v))), {
			message: 'Indiquez une date valide (jj/mm/aaaa).'
		})
		.transform((v) => v || null),
	objectiveId: z.string({ error: 'Choisissez un objectif.' }).min(1, 'Choisissez un objectif.'),
	ownerIds: z.unknown().optional().transform(list),
	productionIds: z.unknown().optional().transform(list)
});
export type ActionInput = z.infer<typeof actionInput>;

export const objectiveInput = z.object({
	title: z
		.string({ message: 'Indiquez l’intitulé de l’objectif.' })
		.trim()
		.min(1, 'Indiquez l’intitulé de l’objectif.')
		.max(500, 'L’intitulé ne doit pas dépasser 500 caractères.'),
	description: z
		.string()
		.trim()
		.max(3000, 'La description ne doit pas dépasser 3 000 caractères.')
		.optional()
		.transform((v) => v || null),
	kind: z.enum(['strategique', 'operationnel'], { error: 'Choisissez le type d’objectif.' })
});
export type ObjectiveInput = z.infer<typeof objectiveInput>;

export interface RoadmapFilters {
	status: ActionStatus | null;
	/** A user id, or null for everyone. */
	owner: string | null;
}

/** Filters read from the URL (?statut=…&responsable=…); anything unknown is ignored. */
export function parseFilters(params: URLSearchParams): RoadmapFilters {
	const status = params.get('statut');
	const owner = params.get('responsable');
	return {
		status: isStatus(status) ? status : null,
		owner: owner && /^[0-9a-f-]{36}$/i.test(owner) ? owner : null
	};
}

/** Positions after moving one item up or down: the ids in their new order. */
export function moved(ids: string[], id: string, direction: 'up' | 'down'): string[] {
	const i = ids.indexOf(id);
	const j = direction === 'up' ? i - 1 : i + 1;
	if (i < 0 || j < 0 || j >= ids.length) return ids;
	const out = [...ids];
	[out[i], out[j]] = [out[j]!, out[i]!];
	return out;
}
