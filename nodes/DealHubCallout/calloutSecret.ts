import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

/** The secret a DealHub admin set in the callout configuration, as the credential holds it. */
export type CalloutSecret =
	| { scheme: 'bearer'; token: string }
	| { scheme: 'basic'; user: string; password: string };

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

export function calloutSecretFrom(data: ICredentialDataDecryptedObject): CalloutSecret {
	if (data.authType === 'basic') return { scheme: 'basic', user: text(data.user), password: text(data.password) };
	return { scheme: 'bearer', token: text(data.token) };
}

/** Why the credential cannot verify anything, or undefined when it is complete. */
export function describeIncompleteSecret(secret: CalloutSecret): string | undefined {
	if (secret.scheme === 'bearer') return secret.token.trim() === '' ? 'The Token is empty' : undefined;
	if (secret.user === '') return 'The User Name is empty';
	// Basic sends "user:password", so a colon in the user name would make the split ambiguous.
	if (secret.user.includes(':')) return 'The User Name must not contain a colon';
	if (secret.password === '') return 'The Password is empty';
	return undefined;
}
