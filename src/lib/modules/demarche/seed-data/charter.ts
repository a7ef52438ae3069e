import type { SeedPage } from './types';

/**
 * The charter of the chantiers coopératifs, written for the platform from the principles the
 * participants drew from the démarche (seed 000, « Les leçons tirées collectivement ») and the
 * definition adopted at the launch day (seed 004). Joining a space means accepting its current
 * version.
 */
export const charte: SeedPage = {
	slug: 'charte',
	title: 'Charte des chantiers coopératifs',
	summary:
		'Les principes que chaque participant·e accepte en rejoignant un chantier coopératif ou le comité de pilotage.',
	body: `## Ce qu'est un chantier coopératif

Un chantier coopératif réunit des personnes, à titre individuel ou au nom de leur structure, qui se mettent ensemble pour relever concrètement un défi commun. Il associe la réflexion et l'expérimentation : on y pense ensemble, et on y essaie ensemble.

Chaque chantier fixe librement ses objectifs, son mode de fonctionnement et sa feuille de route, dans le respect des principes ci-dessous. Il est animé par un·e ou plusieurs référent·e·s ; le comité de pilotage suit l'ensemble de la démarche et fait le lien entre les chantiers.

## Nos principes

1. **Coopérer entre pairs.** Les membres d'un chantier s'approprient collectivement ses sujets et en partagent la responsabilité. Chacun·e y vient avec sa motivation et ce qu'il ou elle peut apporter.
2. **Construire la confiance.** Le chantier est un espace d'échange de pair à pair, qui se construit dans le temps, par l'interconnaissance. Ce qui s'y dit est accueilli avec bienveillance.
3. **Faire avec les forces en présence.** Chacun·e indique le temps qu'il ou elle pense pouvoir donner ; les référent·e·s sollicitent chaque personne en proportion, et personne n'est tenu·e d'en faire plus.
4. **Expérimenter librement.** La coopération s'apprend aussi en la pratiquant : le chantier se donne le droit d'essayer, de se tromper et de transmettre ce qu'il a appris.
5. **Partir de l'existant.** Avant de produire, on regarde ce que d'autres ont déjà fait sur le sujet, et on renforce les liens avec les réseaux qui y travaillent.
6. **Agir à toutes les échelles.** Les chantiers cherchent ce que les réseaux et les structures ont en commun pour agir ensemble, au niveau national comme dans les territoires, et restent ouverts à de nouveaux·elles acteur·rice·s tout au long de la démarche.
7. **Être transparent.** Les situations de concurrence entre dispositifs ou entre structures sont nommées, tout comme les points qui bloquent, pour pouvoir en parler.
8. **Partager ce que l'on produit.** Les travaux, les informations et les ressources des chantiers sont partagés sur la plateforme, pour qu'ils deviennent un commun au service de toutes et tous.
9. **Parler le même langage.** Un glossaire commun aide à se comprendre entre participant·e·s et à être compris·e au-delà de la démarche.
10. **Prendre soin.** Des autres comme de soi : le rythme, la charge et la place de chacun·e comptent autant que les résultats.

## Engagements

En rejoignant un espace, je m'engage à respecter cette charte, à indiquer ce que j'apporte et le temps que je pense y consacrer, et à prévenir les référent·e·s si ma disponibilité change. Quand la charte évolue, la nouvelle version m'est présentée lors de ma visite suivante et je suis invité·e à l'accepter.`
};
