import type { IDataObject } from 'n8n-workflow';

/** What n8n sends back to DealHub for one callout: a status and a JSON body. */
export interface CalloutAnswer {
	status: number;
	body: IDataObject;
}

/** DealHub shows `message` of a 400 to the rep; 401 is for callers that failed verification. */
export function refusal(status: 400 | 401, message: string): CalloutAnswer {
	return { status, body: { message } };
}
