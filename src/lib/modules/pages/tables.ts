import { date, integer, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const pageVisibility = pgEnum('page_visibility', ['public', 'members']);

/** Editorial pages of the démarche (home, la démarche, legal pages). */
export const pages = pgTable('pages', {
	id: uuid('id').primaryKey().defaultRandom(),
	slug: text('slug').notNull().unique(),
	title: text('title').notNull(),
	summary: text('summary'),
	body: text('body').notNull(),
	visibility: pageVisibility('visibility').notNull().default('public'),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
});

/** Key dates of the démarche's timeline. */
export const milestones = pgTable('milestones', {
	id: uuid('id').primaryKey().defaultRandom(),
	date: date('date').notNull(),
	/** How precise the date is: a day, a month or a year. */
	precision: text('precision', { enum: ['day', 'month', 'year'] })
		.notNull()
		.default('day'),
	title: text('title').notNull(),
	description: text('description')
});

/** Headline figures ("en chiffres") until the Bilan computes them from the data. */
export const keyFigures = pgTable('key_figures', {
	key: text('key').primaryKey(),
	value: integer('value').notNull(),
	label: text('label').notNull(),
	position: integer('position').notNull().default(0),
	source: text('source')
});
