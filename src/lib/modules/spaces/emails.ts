/** French texts of the emails about joining a space. Pure: each returns a subject and a body. */
const sign = "\n\n—\nL'équipe de coordination des chantiers coopératifs";
const said = (message: string | null, label = 'Son message') =>
	message ? `\n\n${label} :\n${message}` : '';

export const spaceEmails = {
	requestToReferents: (person: string, space: string, link: string, message: string | null) => ({
		subject: `Demande pour rejoindre « ${space} » : ${person}`,
		text: `Bonjour,\n\n${person} demande à rejoindre l'espace « ${space} » et a accepté la charte des chantiers coopératifs.${said(message)}\n\nVous pouvez accepter ou refuser sa demande ici :\n${link}${sign}`
	}),
	requestAccepted: (name: string, space: string, link: string, message: string | null) => ({
		subject: `Bienvenue dans « ${space} »`,
		text: `Bonjour ${name},\n\nVotre demande pour rejoindre l'espace « ${space} » est acceptée.${said(message, 'Message des référent·e·s')}\n\nL'espace vous attend ici :\n${link}${sign}`
	}),
	requestDeclined: (name: string, space: string, message: string | null) => ({
		subject: `Votre demande pour rejoindre « ${space} »`,
		text: `Bonjour ${name},\n\nLes référent·e·s de l'espace « ${space} » n'ont pas pu donner suite à votre demande.${said(message, 'Leur message')}\n\nN'hésitez pas à leur écrire pour en parler.${sign}`
	}),
	invitation: (name: string, by: string, space: string, link: string, message: string | null) => ({
		subject: `Invitation à rejoindre « ${space} »`,
		text: `Bonjour ${name},\n\n${by} vous invite à rejoindre l'espace « ${space} ».${said(message)}\n\nPour accepter l'invitation, indiquer ce que vous pouvez apporter et accepter la charte, ouvrez ce lien :\n${link}${sign}`
	}),
	invitationAnswered: (inviter: string, person: string, space: string, accepted: boolean) => ({
		subject: `${person} a ${accepted ? 'accepté' : 'décliné'} votre invitation`,
		text: `Bonjour ${inviter},\n\n${person} a ${accepted ? 'accepté' : 'décliné'} votre invitation à rejoindre l'espace « ${space} ».${sign}`
	})
};
