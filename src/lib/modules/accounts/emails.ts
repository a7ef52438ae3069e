/** French texts of the account emails. Pure: each returns a subject and a plain-text body. */
const sign = "\n\n—\nL'équipe de coordination des chantiers coopératifs";

export const accountEmails = {
	invitation: (name: string, link: string, by: string) => ({
		subject: 'Invitation à rejoindre les chantiers coopératifs',
		text: `Bonjour ${name},\n\n${by} vous invite à rejoindre la plateforme des chantiers coopératifs pour une transition écologique juste.\n\nPour activer votre compte et choisir votre mot de passe, ouvrez ce lien (valable 7 jours, utilisable une seule fois) :\n${link}${sign}`
	}),
	joinReceived: (name: string) => ({
		subject: 'Nous avons bien reçu votre demande',
		text: `Bonjour ${name},\n\nVotre demande pour rejoindre les chantiers coopératifs a bien été reçue. La coordination l'examinera et vous répondra par email.${sign}`
	}),
	joinAlreadyMember: (name: string, link: string) => ({
		subject: 'Vous avez déjà un compte',
		text: `Bonjour ${name},\n\nUne demande d'adhésion a été faite avec votre adresse, mais vous avez déjà un compte. Si vous avez oublié votre mot de passe, vous pouvez le réinitialiser ici :\n${link}${sign}`
	}),
	joinToCoordination: (name: string, link: string) => ({
		subject: `Nouvelle demande d'adhésion : ${name}`,
		text: `Bonjour,\n\n${name} demande à rejoindre la plateforme. Vous pouvez accepter ou refuser sa demande ici :\n${link}${sign}`
	}),
	joinApproved: (name: string, link: string) => ({
		subject: 'Votre demande est acceptée',
		text: `Bonjour ${name},\n\nBonne nouvelle : votre demande pour rejoindre les chantiers coopératifs est acceptée.\n\nPour activer votre compte et choisir votre mot de passe, ouvrez ce lien (valable 7 jours, utilisable une seule fois) :\n${link}${sign}`
	}),
	joinDeclined: (name: string, reason: string | null) => ({
		subject: "Votre demande d'adhésion",
		text: `Bonjour ${name},\n\nLa coordination n'a pas pu donner suite à votre demande pour rejoindre la plateforme.${reason ? `\n\nMotif : ${reason}` : ''}\n\nN'hésitez pas à nous écrire pour en parler.${sign}`
	}),
	reset: (name: string, link: string) => ({
		subject: 'Réinitialisation de votre mot de passe',
		text: `Bonjour ${name},\n\nPour choisir un nouveau mot de passe, ouvrez ce lien (valable 1 heure, utilisable une seule fois) :\n${link}\n\nSi vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.${sign}`
	})
};
