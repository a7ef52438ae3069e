import { pgEnum } from 'drizzle-orm/pg-core';

/**
 * Who may read a content: everyone, signed-in members, or the members of its space. Shared by
 * pages, space details, productions and activity (the type keeps its first name).
 */
export const pageVisibility = pgEnum('page_visibility', ['public', 'members', 'space']);
export const contentVisibility = pageVisibility;
export type ContentVisibility = (typeof pageVisibility.enumValues)[number];
