import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { calloutSecretFrom, describeIncompleteSecret } from '../DealHubCallout/calloutSecret';

/**
 * DealHub calls n8n, not the other way round, so there is nothing to call with the secret:
 * the test checks it can verify a callout at all.
 */
export async function testCalloutCredential(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const problem = describeIncompleteSecret(calloutSecretFrom(credential.data ?? {}));
	if (problem !== undefined) return { status: 'Error', message: problem };
	return {
		status: 'OK',
		message: 'Complete. DealHub must use the same secret in Version Settings > Advanced Settings > Callouts.',
	};
}
