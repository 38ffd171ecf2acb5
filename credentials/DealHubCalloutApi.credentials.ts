import type { ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

import { inboundSecretProperties } from '../nodes/DealHubCallout/secretProperties';

/**
 * The secret a DealHub admin sets in Version Settings > Advanced Settings > Callouts. DealHub sends
 * it to n8n with every callout; n8n never sends it anywhere, so there is no `authenticate`.
 * The DealHub Callout Trigger checks the fields are complete (its credential test).
 */
export class DealHubCalloutApi implements ICredentialType {
	name = 'dealHubCalloutApi';

	displayName = 'DealHub Callout API';

	icon: Icon = { light: 'file:../icons/dealhub.svg', dark: 'file:../icons/dealhub.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-dealhub/n8n-nodes-dealhub#pricing-callouts';

	properties: INodeProperties[] = inboundSecretProperties('DealHub’s callout configuration');
}
