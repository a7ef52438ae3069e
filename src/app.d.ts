import type { Actor } from '#lib/server/auth/policy.ts';
import type { App as Chantiers } from '#lib/server/app.ts';
import type { SessionUser } from '#lib/modules/accounts/sessions.server.ts';

declare global {
	namespace App {
		interface Locals {
			app: Chantiers;
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
