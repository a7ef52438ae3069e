/** French words of an import's state, shared by the pages (pure, no server import). */
export const importStatusLabels: Record<string, string> = {
	analysee: 'Analysé, à vérifier',
	en_cours: 'En cours',
	terminee: 'Terminé',
	echouee: 'Échoué'
};

/** "Vérification en cours", "Import en cours", "Terminé"… */
export function importStatusLabel(status: string, phase: string | null | undefined): string {
	if (status === 'en_cours') {
		return phase === 'import' ? 'Import en cours' : 'Vérification en cours';
	}
	if (status === 'analysee' && phase === 'verification') return 'Vérifié, prêt à importer';
	return importStatusLabels[status] ?? status;
}

export const targetStatusLabels = {
	en_attente: 'En attente de modération',
	publiee: 'Publiée'
} as const;
