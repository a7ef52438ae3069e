import type { SeedPage } from './types';
import { charte } from './charter';

/** Contact address shown until the platform's contact form exists. */
const CONTACT_EMAIL = 'contact@example.org';

const accueil: SeedPage = {
	slug: 'accueil',
	title: 'Bienvenue sur la plateforme des chantiers coopératifs',
	summary:
		'Un espace commun pour celles et ceux qui font avancer les coopérations territoriales au service de la transition écologique juste.',
	body: `Les chantiers coopératifs réunissent des réseaux, des structures de l'économie sociale et solidaire, des financeurs, des collectivités et des personnes engagées à titre individuel autour d'une conviction partagée : la coopération entre acteur·rice·s d'un même territoire est un levier décisif pour réussir une transition écologique juste.

Lancée en octobre 2023, la démarche prolonge l'étude-action « Accompagner et financer les coopérations territoriales au service de la transition écologique juste », conduite par le Labo de l'ESS à l'initiative du fonds de dotation Que Vol'Terre. Cinq chantiers relèvent chacun un défi : les compétences et métiers de la coopération, les outils financiers, l'accompagnement, les écosystèmes coopératifs territoriaux et le développement des coopérations aux niveaux national et local.

Cette plateforme est l'outil de travail de la communauté. Vous y trouverez la présentation de la démarche, les espaces des chantiers et du comité de pilotage, les membres et les structures qui participent, ainsi que les ressources produites au fil des travaux : référentiels métiers, cartographie de l'accompagnement, webinaires…

Vous portez, accompagnez ou financez une coopération territoriale, ou vous avez simplement envie d'y contribuer ? Les chantiers sont ouverts à toutes celles et ceux qui veulent apprendre et agir ensemble : demandez à rejoindre la communauté.`
};

const laDemarche: SeedPage = {
	slug: 'la-demarche',
	title: 'La démarche des chantiers coopératifs',
	summary:
		"D'une étude-action à cinq chantiers : d'où vient la démarche, comment elle fonctionne, ce qu'elle a produit et ce qu'elle nous a appris.",
	body: `## Aux origines, une étude-action

Depuis septembre 2022, le Labo de l'ESS mène, à l'initiative du fonds de dotation Que Vol'Terre, l'étude-action « Accompagner et financer les coopérations territoriales au service de la transition écologique juste ». Appuyée sur un groupe de travail d'une trentaine de membres et sur des séminaires, elle a étudié des initiatives inspirantes et construit un diagnostic partagé sur l'accompagnement et le financement des coopérations territoriales. Ses propositions et pistes d'action sont réunies dans le rapport *Vers une société de la coopération* (2024).

Les participant·e·s ont ensuite souhaité passer de l'analyse à l'action. Ils et elles ont défini ensemble cinq défis et constitué, en octobre 2023, cinq chantiers coopératifs pour les relever.

## Cinq défis, cinq chantiers

Un chantier coopératif rassemble des personnes et des organisations qui s'engagent à répondre ensemble, et concrètement, à un défi, en conjuguant réflexion et expérimentation.

1. **Compétences et métiers** : faire reconnaître les métiers d'animateur·rice et de développeur·euse de coopération territoriale, avec un référentiel et des parcours de formation.
2. **Outils financiers** : comprendre pourquoi les financements existants conviennent mal aux coopérations et repérer les outils et les leviers adaptés.
3. **Accompagnement** : mieux connaître l'offre d'accompagnement des coopérations territoriales, la rendre lisible et favoriser l'échange de pratiques.
4. **Écosystèmes coopératifs territoriaux** : caractériser ces démarches systémiques, leurs invariants et leur valeur ajoutée pour la transition des territoires.
5. **Coopérations aux niveaux national et local** : s'appuyer sur les travaux des autres chantiers pour démontrer la plus-value de la coopération comme méthode de développement territorial.

## Comment fonctionne un chantier

Chaque chantier est animé par un·e référent·e. Il se fixe ses propres objectifs et son mode de fonctionnement, dans le respect d'une charte élaborée collectivement. Les référent·e·s posent un cadre de confiance, proposent une méthode coopérative et participative pour écrire ensemble la feuille de route du chantier, veillent à l'engagement, à la co-responsabilité et à la continuité des travaux, et partagent ces travaux avec le comité de pilotage pour les inscrire dans le projet d'ensemble.

Deux journées interchantiers ont réuni toutes les organisations participantes pour mettre en commun les avancées, coordonner les travaux et enrichir la démarche.

## Le comité de pilotage

Le comité de pilotage, qui compte 11 membres, est l'instance de gouvernance partagée de la démarche. Il en assure le suivi et fait le lien entre les chantiers : il élabore la feuille de route globale, facilite les échanges entre les projets des chantiers, met en place les outils nécessaires, organise les temps interchantiers et recherche les moyens financiers. Il est coordonné par le chargé de projets collectifs du Labo de l'ESS. Coordinateur de la démarche, le Labo anime le comité, coordonne la recherche de financements et documente, capitalise et valorise les travaux.

## Les principes de la charte

- **Coopérer pour de vrai** : des personnes motivées, qui s'approprient collectivement les sujets et fixent librement leurs objectifs, dans un espace d'échange de pair à pair fondé sur la confiance.
- **Animer la démarche** : un comité de pilotage, une coordination opérationnelle et une animation propre à chaque chantier.
- **Entretenir l'esprit des chantiers** : la force d'un collectif mobilisé, la co-responsabilité, la diversité des participant·e·s, la liberté d'expérimenter, les méthodes d'intelligence collective et la mise en valeur des actualités de chacun·e.

## Ce que la démarche a produit

- des référentiels d'activités, de compétences et d'évaluation pour les métiers de la coopération territoriale, finalisés en avril 2025, qui serviront de base à une formation pilote puis à un dépôt au RNCP ;
- une cartographie documentée de 60 structures d'accompagnement à la coopération, en accès ouvert ;
- cinq webinaires disponibles en ligne ;
- une fiche « Points de RepèrESS » sur la coopération territoriale, réalisée avec le RTES ;
- une plateforme collaborative pour partager informations, travaux et ressources.

En chiffres : 44 structures engagées, 6 réunions du comité de pilotage, 32 rencontres de chantiers, 2 journées interchantiers et environ 2 600 heures consacrées à la démarche, dont 1 600 heures de bénévolat.

## Ce que nous avons appris

Réunis en octobre 2024 pour leur seconde journée interchantiers, les participant·e·s ont tiré ensemble les leçons de l'expérience.

**Pour la méthode**, il s'agit de partir de l'existant et de renforcer les liens entre les réseaux de l'ESS qui travaillent sur la coopération ; d'agir à la fois aux échelles nationale et locale, en apprenant des territoires, en s'ouvrant à de nouveaux·elles acteur·rice·s, en se reliant à la recherche et en se dotant d'un vocabulaire commun ; de faire avec les forces disponibles ; de parler franchement de la concurrence entre dispositifs et structures ; et de prendre soin de soi comme des autres. La coopération s'apprend aussi en la pratiquant.

**Les contraintes** tiennent surtout au temps : beaucoup voudraient s'impliquer davantage sans le pouvoir, ce qui crée de la frustration et des pressions (rentabiliser vite l'investissement, participation irrégulière, injonction à produire). Un groupe à géométrie variable oblige aussi à remettre régulièrement tout le monde à niveau, et une démarche exploratoire, dont les objectifs évoluent en cours de route, reste difficile à financer.

**Les opportunités** sont nombreuses : porter des actions et un plaidoyer communs à tous les chantiers, mieux faire connaître la démarche et ses productions, multiplier les rencontres en présentiel au plus près des territoires, développer des outils d'échange de pratiques entre réseaux, structures et personnes, et défendre un financement de la coopération sur le modèle de la recherche et développement, sans obligation de résultat.

## Et maintenant ?

Avec plus de 90 participant·e·s sollicité·e·s à différentes étapes, la démarche a créé des liens durables, de nouveaux partenariats et des passerelles avec d'autres initiatives, comme l'opération Milliard ou la Fabrique des transitions. Plusieurs actions se poursuivent en 2025, notamment la valorisation des résultats des chantiers et la reconnaissance des métiers de la coopération au RNCP.

Les membres souhaitent aussi faire vivre des temps réguliers d'échange de pratiques, d'expériences et d'actualités, ouverts aux coopérations territoriales ainsi qu'aux réseaux et structures qui les accompagnent et les financent. Cette plateforme est là pour les accueillir.`
};

const mentionsLegales: SeedPage = {
	slug: 'mentions-legales',
	title: 'Mentions légales',
	summary: "Informations sur l'éditeur, l'hébergement et les contenus de la plateforme.",
	body: `## Éditeur

La plateforme des chantiers coopératifs est éditée pour le réseau des chantiers coopératifs pour une transition écologique juste.

- Structure éditrice : *à compléter (dénomination, forme juridique, adresse du siège, numéro d'immatriculation)*
- Directeur·rice de la publication : *à compléter*
- Contact : ${CONTACT_EMAIL}

## Hébergement

- Hébergeur : *à compléter (dénomination, adresse, téléphone)*

## Contenus

Les textes de présentation de la démarche s'appuient sur les documents publics des chantiers coopératifs et du Labo de l'ESS. Les ressources déposées dans les espaces de travail restent la propriété de leurs auteur·rice·s ou des structures qui les ont produites ; leur réutilisation suit la licence indiquée sur chaque ressource, ou, à défaut, nécessite l'accord de leurs auteur·rice·s.

Les personnes membres sont responsables des contenus qu'elles publient. Pour signaler un contenu qui pose problème, écrivez à ${CONTACT_EMAIL}.

## Données personnelles et accessibilité

Le traitement de vos données personnelles est décrit dans la page « Données personnelles ». L'état d'accessibilité de la plateforme est présenté dans la page « Accessibilité ».`
};

const accessibilite: SeedPage = {
	slug: 'accessibilite',
	title: "Déclaration d'accessibilité",
	summary:
		"Notre engagement pour une plateforme utilisable par toutes et tous, l'état de conformité au RGAA et les moyens de nous signaler un problème.",
	body: `## Notre engagement

Nous voulons que la plateforme des chantiers coopératifs soit utilisable par toutes et tous, quels que soient le handicap, le matériel ou le logiciel de chacun·e. Elle est conçue pour respecter le référentiel général d'amélioration de l'accessibilité (RGAA), version 4.1, qui correspond au niveau AA des règles internationales WCAG.

## État de conformité

La plateforme est **partiellement conforme** au RGAA 4.1. Elle n'a pas encore fait l'objet d'un audit complet : cet état sera mis à jour, avec le taux de conformité obtenu, dès qu'un audit aura été réalisé.

## Contenus qui peuvent ne pas être accessibles

- certains documents déposés par les membres (PDF, présentations, tableaux) peuvent ne pas être accessibles ;
- les vidéos et webinaires hébergés sur des services externes peuvent ne pas proposer de sous-titres ou de transcription.

Si vous ne parvenez pas à accéder à un contenu, écrivez-nous : nous vous le transmettrons sous une forme adaptée.

## Technologies utilisées

HTML, CSS et JavaScript.

## Signaler un problème

Si vous rencontrez une difficulté d'accès à un contenu ou à un service, contactez-nous à ${CONTACT_EMAIL} en précisant la page concernée et le problème rencontré. Nous nous engageons à vous répondre et à vous proposer une solution ou une alternative.

## Voies de recours

Si vous nous avez signalé un défaut d'accessibilité sans obtenir de réponse satisfaisante, vous pouvez saisir le Défenseur des droits :

- par le formulaire en ligne sur le site du Défenseur des droits ;
- en contactant le ou la délégué·e du Défenseur des droits dans votre région ;
- par courrier postal, gratuit et sans affranchissement : Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07.`
};

const donneesPersonnelles: SeedPage = {
	slug: 'donnees-personnelles',
	title: 'Données personnelles',
	summary:
		'Quelles données la plateforme utilise, pourquoi, combien de temps, et comment exercer vos droits.',
	body: `La plateforme des chantiers coopératifs ne collecte que les données nécessaires au fonctionnement de la communauté. Elles ne sont ni vendues, ni utilisées à des fins publicitaires.

## Responsable du traitement

La structure éditrice de la plateforme, indiquée dans les mentions légales. Pour toute question : ${CONTACT_EMAIL}.

## Les données que nous traitons

- **Votre compte** : nom, adresse e-mail et mot de passe, conservé uniquement sous forme d'empreinte (hachage), jamais en clair, ainsi que votre rôle sur la plateforme.
- **Votre profil** : structure, fonction, présentation, numéro de téléphone si vous le renseignez, et vos choix de visibilité (privée, membres ou publique) pour votre adresse e-mail et votre téléphone.
- **Votre participation** : les espaces de chantier dont vous êtes membre, votre rôle dans ces espaces et les contenus que vous y publiez.
- **Vos sessions** : lorsque vous vous connectez, un cookie de session strictement nécessaire est déposé ; nous enregistrons la date de connexion, l'adresse IP et le type de navigateur pour sécuriser votre compte.
- **Les e-mails** : nous vous écrivons uniquement pour le fonctionnement du service (par exemple une invitation ou la réinitialisation de votre mot de passe). Les liens envoyés sont à usage unique et expirent.
- **Les demandes d'adhésion** : nom, adresse e-mail, structure et message saisis dans le formulaire.

La plateforme n'utilise ni cookie de mesure d'audience, ni traceur publicitaire.

## Pourquoi et sur quelle base

- gérer votre compte, votre profil et votre participation aux chantiers : exécution du service que vous avez demandé en rejoignant la communauté (article 6.1.b du RGPD) ;
- examiner une demande d'adhésion : mesures prises à votre demande avant votre inscription (article 6.1.b) ;
- sécuriser la plateforme et prévenir les abus : intérêt légitime de la communauté à protéger ses membres et ses contenus (article 6.1.f).

## Qui y a accès

Les membres de l'équipe de coordination et d'administration de la plateforme, pour les besoins de sa gestion. Les autres membres ne voient que les informations de profil que vous avez choisi de leur montrer. Aucune donnée n'est transmise à des tiers, en dehors des prestataires techniques (hébergement, envoi des e-mails) agissant pour notre compte.

## Combien de temps

- compte et profil : tant que votre compte est actif ; ils sont supprimés lorsque vous supprimez votre compte ;
- sessions : jusqu'à leur expiration ou votre déconnexion ;
- liens d'invitation et de réinitialisation : jusqu'à leur utilisation ou leur expiration ;
- demandes d'adhésion : le temps de leur traitement, puis au plus un an.

Après la suppression d'un compte, les contributions utiles à la mémoire collective des chantiers peuvent être conservées sans être rattachées à votre nom.

## Vos droits

Vous disposez d'un droit d'accès, de rectification, d'effacement, de limitation, d'opposition et de portabilité sur vos données. Depuis votre page de profil, vous pouvez à tout moment :

- **modifier** vos informations et leur visibilité ;
- **télécharger mes données**, dans un format ouvert et lisible par une machine ;
- **supprimer mon compte**.

Pour toute autre demande, écrivez à ${CONTACT_EMAIL}. Si vous estimez, après nous avoir contactés, que vos droits ne sont pas respectés, vous pouvez adresser une réclamation à la CNIL.`
};

export const pages: SeedPage[] = [
	accueil,
	laDemarche,
	charte,
	mentionsLegales,
	accessibilite,
	donneesPersonnelles
];
