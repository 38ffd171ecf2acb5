import type { ICredentialType, INodeType } from 'n8n-workflow';

import { DealHubApi } from '../../credentials/DealHubApi.credentials';
import { DealHubCalloutApi } from '../../credentials/DealHubCalloutApi.credentials';
import { DealHubWebhookApi } from '../../credentials/DealHubWebhookApi.credentials';
import { OnlyOfficeCrmApi } from '../../credentials/OnlyOfficeCrmApi.credentials';
import { DealHub } from '../../nodes/DealHub/DealHub.node';
import { DealHubCalloutResponse } from '../../nodes/DealHubCalloutResponse/DealHubCalloutResponse.node';
import { DealHubCalloutTrigger } from '../../nodes/DealHubCalloutTrigger/DealHubCalloutTrigger.node';
import { DealHubTrigger } from '../../nodes/DealHubTrigger/DealHubTrigger.node';
import { OnlyOfficeCrm } from '../../nodes/OnlyOfficeCrm/OnlyOfficeCrm.node';

const nodes: INodeType[] = [new DealHub(), new DealHubCalloutTrigger(), new DealHubCalloutResponse(), new DealHubTrigger(), new OnlyOfficeCrm()];
const credentials: ICredentialType[] = [new DealHubApi(), new DealHubCalloutApi(), new DealHubWebhookApi(), new OnlyOfficeCrmApi()];

/** Every text the editor shows for a node or credential: names, descriptions, actions, hints, placeholders. */
function shownTexts(value: unknown, found: string[] = []): string[] {
	if (Array.isArray(value)) {
		for (const entry of value) shownTexts(entry, found);
	} else if (value !== null && typeof value === 'object') {
		for (const [key, entry] of Object.entries(value)) {
			const shown = ['displayName', 'description', 'action', 'hint', 'placeholder', 'subtitle'].includes(key) || key === 'name';
			if (shown && typeof entry === 'string') found.push(entry);
			else shownTexts(entry, found);
		}
	}
	return found;
}

describe('what the editor shows', () => {
	test('the Callout Response is not offered to AI agents; the action nodes are', () => {
		const toolFlag = Object.fromEntries(nodes.map((node) => [node.description.name, node.description.usableAsTool === true]));
		expect(toolFlag).toEqual({ dealHub: true, dealHubCalloutTrigger: false, dealHubCalloutResponse: false, dealHubTrigger: false, onlyOfficeCrm: true });
	});

	test('no text has a lost apostrophe, a stray unit in title case or a doubled space', () => {
		const texts = [...nodes.map((node) => node.description), ...credentials].flatMap((described) => shownTexts(described));
		expect(texts.length).toBeGreaterThan(200);
		const stumbles = texts.filter((text) => /\b[A-Za-z]+ s [a-z]/.test(text) || /\((Ms|Sec|Min)\)/.test(text) || / {2}/.test(text));
		expect(stumbles).toEqual([]);
	});
});
