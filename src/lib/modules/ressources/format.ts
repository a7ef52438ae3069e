/** Links of the resource pages to the list filtered by a theme or a tag. */
export const themeHref = (code: string) => `/ressources?theme=${encodeURIComponent(code)}`;
export const tagHref = (tag: string) => `/ressources?tag=${encodeURIComponent(tag)}`;
