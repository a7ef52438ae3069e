/** MapLibre's interface strings in French. */
export const mapLocale: Record<string, string> = {
	'AttributionControl.ToggleAttribution': 'Afficher ou masquer les sources',
	'AttributionControl.MapFeedback': 'Signaler une erreur de carte',
	'FullscreenControl.Enter': 'Plein écran',
	'FullscreenControl.Exit': 'Quitter le plein écran',
	'GeolocateControl.FindMyLocation': 'Me localiser',
	'GeolocateControl.LocationNotAvailable': 'Position indisponible',
	'LogoControl.Title': 'Logo MapLibre',
	'Map.Title': 'Carte',
	'Marker.Title': 'Repère',
	'NavigationControl.ResetBearing': "Remettre le nord en haut de l'écran",
	'NavigationControl.ZoomIn': 'Zoomer',
	'NavigationControl.ZoomOut': 'Dézoomer',
	'Popup.Close': 'Fermer',
	'ScaleControl.Meters': 'm',
	'ScaleControl.Kilometers': 'km',
	'CooperativeGesturesHandler.WindowsHelpText': 'Ctrl + molette pour zoomer sur la carte',
	'CooperativeGesturesHandler.MacHelpText': '⌘ + molette pour zoomer sur la carte',
	'CooperativeGesturesHandler.MobileHelpText': 'Utilisez deux doigts pour déplacer la carte'
};
