import type { ICredentialsDecrypted, ICredentialTestFunctions, INodeCredentialTestResult } from 'n8n-workflow';

import { calloutSecretFrom, describeIncompleteSecret } from '../DealHubCallout/calloutSecret';

/** DealHub calls n8n, not the other way round: the test checks the secret can verify an event at all. */
export async function testWebhookCredential(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const problem = describeIncompleteSecret(calloutSecretFrom(credential.data ?? {}));
	if (problem !== undefined) return { status: 'Error', message: problem };
	return { status: 'OK', message: 'Complete. DealHub must send the same secret in its webhook configuration.' };
}
