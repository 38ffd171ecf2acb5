import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { z } from 'zod';

import { timeoutOption } from '../../shared/descriptions';
import { getQuoteApiJson, withIsoDates } from '../../shared/quoteApi';
import { timeoutFor } from '../../shared/redirectOperation';

const signerSchema = z.record(z.unknown());

/** GET /api/v1/dealroom/{id}: the DealRoom's state and who signed on each side. */
export const dealRoomSignersSchema = z
	.object({
		dealroom_state: z.string().nullish(),
		buyer_signers: z.array(signerSchema).nullish(),
		seller_signers: z.array(signerSchema).nullish(),
	})
	.passthrough();

export const dealRoomDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['dealRoom'] } },
		options: [
			{
				name: 'Get Signers',
				value: 'getSigners',
				action: 'Get the signers of a deal room',
				description: 'Get the DealRoom’s state and its buyer and seller signers (Quote API)',
			},
		],
		default: 'getSigners',
	},
	{
		displayName: 'CRM Opportunity ID',
		name: 'crmOpportunityId',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: { resource: ['dealRoom'], operation: ['getSigners'] } },
		description: 'The opportunity’s ID in your CRM: a DealRoom belongs to the opportunity, not to one quote',
	},
	timeoutOption({ resource: ['dealRoom'] }),
];

export async function getSigners(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const opportunityId = String(this.getNodeParameter('crmOpportunityId', itemIndex, '')).trim();
	if (opportunityId === '') throw new NodeOperationError(this.getNode(), 'CRM Opportunity ID is empty', { itemIndex, description: 'Nothing was sent.' });
	const signers = await getQuoteApiJson.call(
		this,
		{
			path: `/api/v1/dealroom/${encodeURIComponent(opportunityId)}`,
			timeout: timeoutFor(this, itemIndex),
			itemIndex,
			badRequestHint: `no DealRoom has been published for the CRM opportunity ${opportunityId} (DealHub answers 400 until one is).`,
		},
		dealRoomSignersSchema,
	);
	return withIsoDates({ crm_opportunity_id: opportunityId, ...signers }) as IDataObject;
}
