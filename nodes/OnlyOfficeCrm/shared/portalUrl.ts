import { normalizeBaseUrl } from '../../shared/baseUrl';

export const PORTAL_URL_RULE =
	'The ONLYOFFICE CRM credential needs a Portal URL such as https://yourportal.onlyoffice.com (http or https, no path to the API, no query)';

/** The portal address without trailing slashes, or undefined when it is not a plain http(s) address. */
export function portalUrlOf(raw: unknown): string | undefined {
	const url = normalizeBaseUrl(raw);
	// Users paste the API address from the reference page; the node adds /api/2.0 itself.
	if (url === undefined || /\/api\/2\.0$/i.test(url)) return undefined;
	return url;
}

export function apiUrl(portalUrl: string, path: string): string {
	return `${portalUrl}/api/2.0/${path}`;
}
