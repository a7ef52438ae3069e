import type { Actor } from '#lib/server/auth/policy';
import type { App as Platform } from '#lib/server/app';
import type { SessionUser } from '#lib/modules/accounts/sessions.server';

declare global {
	namespace App {
		interface Locals {
			app: Platform;
			user: SessionUser | null;
			actor: Actor | null;
			sessionSecret?: string;
		}
		interface Error {
			message: string;
		}
	}
}

export {};
