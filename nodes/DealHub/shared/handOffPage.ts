import type { IDataObject } from 'n8n-workflow';

export interface BrowserRequest {
	method: 'POST';
	url: string;
	headers: { Authorization: string; 'Content-Type': 'application/json' };
	body: IDataObject;
}

/** JSON that is safe inside a <script> element whatever strings the body holds. */
function scriptJson(value: unknown): string {
	return JSON.stringify(value)
		.replace(/</g, '\\u003c')
		.replace(/>/g, '\\u003e')
		.replace(/&/g, '\\u0026')
		.replace(/\u2028/g, '\\u2028')
		.replace(/\u2029/g, '\\u2029');
}

/**
 * DealHub sets its login cookie only on a create/open call made by the user's browser, so this
 * page makes that call (with credentials, so the cookie is kept) and then opens the returned URL.
 * DealHub's 300 answer is not a redirect status for fetch, so its JSON body is read as is.
 */
export function handOffPage(request: BrowserRequest): string {
	return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Opening DealHub</title>
<style>body{font-family:system-ui,sans-serif;margin:3rem auto;max-width:36rem;color:#1f2937}#error{color:#b91c1c}</style>
</head>
<body>
<p id="status">Opening DealHub&hellip;</p>
<p id="error" role="alert"></p>
<noscript>This page needs JavaScript to open DealHub.</noscript>
<script>
(function () {
	var request = ${scriptJson(request)};
	function fail(message) {
		document.getElementById('status').textContent = 'DealHub could not be opened.';
		document.getElementById('error').textContent = message;
	}
	fetch(request.url, {
		method: request.method,
		credentials: 'include',
		headers: request.headers,
		body: JSON.stringify(request.body)
	}).then(function (response) {
		return response.json().catch(function () { return { message: 'HTTP ' + response.status }; });
	}).then(function (answer) {
		var errors = (answer && answer.errors) || [];
		if (answer && answer.url && errors.length === 0) { window.location.replace(answer.url); return; }
		fail((answer && answer.message) || errors.map(function (e) { return e.message || String(e); }).join('; ') || 'No URL in the answer.');
	}).catch(function (error) { fail('Could not reach DealHub: ' + error.message); });
})();
</script>
</body>
</html>
`;
}
