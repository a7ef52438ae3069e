// The agenda: meetings of the spaces and external events, with registration, programme,
// attendance (hours given), minutes and iCalendar feeds.
//
// A recurring series is stored once (its RRULE, in the event's time zone) and its occurrences
// are materialised as ordinary events up to a horizon: registrations, attendance and minutes
// belong to one occurrence, and the month view reads plain rows. An occurrence edited on its
// own is `detached` (a later edit of the series leaves it alone); a removed occurrence is an
// EXDATE of the series.
import { sql } from 'drizzle-orm';
import {
	boolean,
	date,
	index,
	integer,
	pgEnum,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import { timeKind, users } from '../accounts/tables';
import { structures } from '../community/tables';
import { spaces } from '../spaces/tables';
import { roadmapActions } from '../roadmap/tables';
import { pageVisibility } from '../../server/db/visibility';
import { EVENT_KINDS } from './labels';

export const eventKind = pgEnum('event_kind', EVENT_KINDS);
export const eventStatus = pgEnum('event_status', ['confirme', 'annule']);

/** A recurring series: the rule and the template its occurrences were made from. */
export const eventSeries = pgTable('event_series', {
	id: uuid('id').primaryKey().defaultRandom(),
	/** RRULE value without the "RRULE:" prefix, e.g. FREQ=MONTHLY;BYDAY=1TU. */
	rrule: text('rrule').notNull(),
	/** First occurrence's start, as wall-clock time in `timeZone` ("2025-01-07T18:00"). */
	dtstartLocal: text('dtstart_local').notNull(),
	timeZone: text('time_zone').notNull().default('Europe/Paris'),
	durationMinutes: integer('duration_minutes').notNull(),
	allDay: boolean('all_day').notNull().default(false),
	/** Original starts (UTC) of the occurrences removed from the series (EXDATE). */
	exdates: timestamp('exdates', { withTimezone: true })
		.array()
		.notNull()
		.default(sql`'{}'`),
	/** Occurrences exist up to here; a job extends unbounded series. */
	generatedUntil: timestamp('generated_until', { withTimezone: true }),
	/** iCalendar SEQUENCE of the series master, raised on each change of the series. */
	sequence: integer('sequence').notNull().default(0),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
});

export const events = pgTable(
	'events',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		slug: text('slug').notNull().unique(),
		kind: eventKind('kind').notNull(),
		title: text('title').notNull(),
		/** Markdown. */
		description: text('description'),
		startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
		endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
		/** All-day events start and end at midnight in `timeZone` (end exclusive). */
		allDay: boolean('all_day').notNull().default(false),
		timeZone: text('time_zone').notNull().default('Europe/Paris'),
		placeName: text('place_name'),
		address: text('address'),
		communeInsee: text('commune_insee'),
		/** Visio link; with a place too, the event is hybrid. */
		onlineUrl: text('online_url'),
		visibility: pageVisibility('visibility').notNull().default('public'),
		/** Whether people may register at all (a copil meeting may be by invitation only). */
		registrationOpen: boolean('registration_open').notNull().default(true),
		/** Confirmed registrations never exceed it; null means no limit. */
		capacity: integer('capacity'),
		registrationDeadline: timestamp('registration_deadline', { withTimezone: true }),
		status: eventStatus('status').notNull().default('confirme'),
		seriesId: uuid('series_id').references(() => eventSeries.id, { onDelete: 'cascade' }),
		/** For an occurrence of a series: its original start (iCalendar RECURRENCE-ID). */
		recurrenceId: timestamp('recurrence_id', { withTimezone: true }),
		/** Edited on its own: edits of the whole series leave it alone. */
		detached: boolean('detached').notNull().default(false),
		/** iCalendar SEQUENCE, raised on each change that matters to a calendar. */
		sequence: integer('sequence').notNull().default(0),
		/** Compte-rendu (Markdown), written after the meeting. */
		minutes: text('minutes'),
		/** Real duration recorded with the attendance; hours given are counted from it. */
		attendanceMinutes: integer('attendance_minutes'),
		attendanceRecordedAt: timestamp('attendance_recorded_at', { withTimezone: true }),
		/** Demo history from the seeds, shown as such. */
		isExample: boolean('is_example').notNull().default(false),
		createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('events_starts_idx').on(t.startsAt),
		index('events_series_idx').on(t.seriesId, t.recurrenceId)
	]
);

/** The organising spaces (an interchantier day belongs to several). */
export const eventSpaces = pgTable(
	'event_spaces',
	{
		eventId: uuid('event_id')
			.notNull()
			.references(() => events.id, { onDelete: 'cascade' }),
		spaceId: uuid('space_id')
			.notNull()
			.references(() => spaces.id, { onDelete: 'cascade' })
	},
	(t) => [
		primaryKey({ columns: [t.eventId, t.spaceId] }),
		index('event_spaces_space_idx').on(t.spaceId)
	]
);

export const programmeItemKind = pgEnum('programme_item_kind', [
	'accueil',
	'pleniere',
	'atelier',
	'pause',
	'repas',
	'restitution',
	'autre'
]);

/** A timed item of the programme; workshops starting at the same time are one choice. */
export const programmeItems = pgTable(
	'event_programme_items',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		eventId: uuid('event_id')
			.notNull()
			.references(() => events.id, { onDelete: 'cascade' }),
		kind: programmeItemKind('kind').notNull(),
		title: text('title').notNull(),
		description: text('description'),
		startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
		endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
		room: text('room'),
		onlineUrl: text('online_url'),
		/** For a workshop: places; null means no limit. */
		capacity: integer('capacity'),
		position: integer('position').notNull().default(0)
	},
	(t) => [index('event_programme_event_idx').on(t.eventId, t.startsAt, t.position)]
);

export const registrationStatus = pgEnum('registration_status', [
	/** A guest without an account who has not yet clicked the emailed link. */
	'a_confirmer',
	'confirmee',
	'liste_attente',
	'annulee'
]);

export const registrations = pgTable(
	'event_registrations',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		eventId: uuid('event_id')
			.notNull()
			.references(() => events.id, { onDelete: 'cascade' }),
		/** A member; null for a guest, who is known by name and email. */
		userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		email: text('email').notNull(),
		structureId: uuid('structure_id').references(() => structures.id, { onDelete: 'set null' }),
		status: registrationStatus('status').notNull(),
		/** Order of arrival: the waiting list is promoted in this order. */
		queuedAt: timestamp('queued_at', { withTimezone: true }).notNull().defaultNow(),
		/** SHA-256 of the guest's confirmation / cancellation link token. */
		tokenHash: text('token_hash'),
		confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
		promotedAt: timestamp('promoted_at', { withTimezone: true }),
		cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
		/** Set when the day-before reminder went out (never twice, whatever the jobs do). */
		remindedAt: timestamp('reminded_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('event_registrations_event_idx').on(t.eventId, t.status, t.queuedAt),
		index('event_registrations_user_idx').on(t.userId),
		uniqueIndex('event_registrations_active_email')
			.on(t.eventId, sql`lower(${t.email})`)
			.where(sql`${t.status} <> 'annulee'`)
	]
);

/** A registered person's workshop: one per time slot of the programme. */
export const workshopChoices = pgTable(
	'event_workshop_choices',
	{
		registrationId: uuid('registration_id')
			.notNull()
			.references(() => registrations.id, { onDelete: 'cascade' }),
		itemId: uuid('item_id')
			.notNull()
			.references(() => programmeItems.id, { onDelete: 'cascade' }),
		/** The workshop's start: two workshops at the same time cannot both be chosen. */
		slotStartsAt: timestamp('slot_starts_at', { withTimezone: true }).notNull()
	},
	(t) => [
		primaryKey({ columns: [t.registrationId, t.slotStartsAt] }),
		index('event_workshop_choices_item_idx').on(t.itemId)
	]
);

/** Who attended, and whether their time was volunteer or paid (hours given). */
export const attendance = pgTable(
	'event_attendance',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		eventId: uuid('event_id')
			.notNull()
			.references(() => events.id, { onDelete: 'cascade' }),
		userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
		registrationId: uuid('registration_id').references(() => registrations.id, {
			onDelete: 'set null'
		}),
		name: text('name').notNull(),
		structureId: uuid('structure_id').references(() => structures.id, { onDelete: 'set null' }),
		timeKind: timeKind('time_kind').notNull(),
		/** Time given when it differs from the meeting's duration (arrived late, left early). */
		minutes: integer('minutes'),
		recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
		recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('event_attendance_event_idx').on(t.eventId),
		uniqueIndex('event_attendance_user_uniq')
			.on(t.eventId, t.userId)
			.where(sql`${t.userId} is not null`)
	]
);

export const minutesItemKind = pgEnum('minutes_item_kind', ['decision', 'action']);

/** Decisions and actions written in the minutes; an action can go to the space's roadmap. */
export const minutesItems = pgTable(
	'event_minutes_items',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		eventId: uuid('event_id')
			.notNull()
			.references(() => events.id, { onDelete: 'cascade' }),
		kind: minutesItemKind('kind').notNull(),
		text: text('text').notNull(),
		/** For an action: who carries it (free text) and when it is due. */
		owner: text('owner'),
		dueDate: date('due_date'),
		/** The roadmap action it became, once sent. */
		roadmapActionId: uuid('roadmap_action_id').references(() => roadmapActions.id, {
			onDelete: 'set null'
		}),
		position: integer('position').notNull().default(0),
		createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('event_minutes_items_event_idx').on(t.eventId, t.position)]
);

/** Presentations and documents attached to an event (shown in the carnet de bord). */
export const eventAttachments = pgTable(
	'event_attachments',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		eventId: uuid('event_id')
			.notNull()
			.references(() => events.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		storageKey: text('storage_key').notNull(),
		fileName: text('file_name').notNull(),
		contentType: text('content_type').notNull(),
		fileSize: integer('file_size').notNull(),
		createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('event_attachments_event_idx').on(t.eventId)]
);

/** The secret of a person's personal iCalendar feed; regenerating replaces it. */
export const calendarFeedTokens = pgTable('calendar_feed_tokens', {
	userId: uuid('user_id')
		.primaryKey()
		.references(() => users.id, { onDelete: 'cascade' }),
	/** Shown to its owner so that the address can be copied again; random, 32 bytes. */
	token: text('token').notNull().unique(),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
});
