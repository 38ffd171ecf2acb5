import type { ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

import { inboundSecretProperties } from '../nodes/DealHubCallout/secretProperties';

/**
 * The secret a DealHub admin sets in a webhook configuration, for the DealHub Trigger. A type of its
 * own, not the callout credential: DealHub sets the two secrets in different places, for different
 * endpoints, and rotating one must not break the other. n8n never sends it anywhere, so there is
 * no `authenticate`; the trigger's credential test checks it is complete.
 */
export class DealHubWebhookApi implements ICredentialType {
	name = 'dealHubWebhookApi';

	displayName = 'DealHub Webhook API';

	icon: Icon = { light: 'file:../icons/dealhub.svg', dark: 'file:../icons/dealhub.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-dealhub/n8n-nodes-dealhub#dealhub-trigger-webhooks';

	properties: INodeProperties[] = inboundSecretProperties('DealHub’s webhook configuration');
}
