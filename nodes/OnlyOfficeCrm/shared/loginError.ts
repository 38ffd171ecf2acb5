/**
 * Thrown by the credential when it cannot obtain a token. n8n wraps it (as `cause`) in the error of
 * the request that needed the token; the node recognises it by name and shows its message as is.
 */
export const LOGIN_ERROR_NAME = 'OnlyOfficeLoginError';

export class OnlyOfficeLoginError extends Error {
	constructor(message: string) {
		super(message);
		this.name = LOGIN_ERROR_NAME;
	}
}

export function isLoginError(error: unknown): error is Error {
	return error instanceof Error && error.name === LOGIN_ERROR_NAME;
}
