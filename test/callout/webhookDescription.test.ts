import type { INode, INodeParameters, INodeTypes } from 'n8n-workflow';
import { resolveWebhookDescriptionField, WEBHOOK_RESOLVERS, Workflow } from 'n8n-workflow';

import { DealHubCalloutTrigger } from '../../nodes/DealHubCalloutTrigger/DealHubCalloutTrigger.node';

// n8n 2.x resolves the trigger's webhook description natively (no expression engine per request)
// when a field carries a resolver for its exact template: it must give what the template gives.

const trigger = new DealHubCalloutTrigger();
const description = trigger.description.webhooks![0];
const TYPE = 'n8n-nodes-dealhub.dealHubCalloutTrigger';

function workflowWith(parameters: INodeParameters): { workflow: Workflow; node: INode } {
	const nodeTypes = {
		getByName: () => trigger,
		getByNameAndVersion: () => trigger,
		getKnownTypes: () => ({}),
	} as unknown as INodeTypes;
	const workflow = new Workflow({
		id: 'w',
		nodes: [{ id: '1', name: 'Trigger', type: TYPE, typeVersion: 1, position: [0, 0], parameters }],
		connections: {},
		nodeTypes,
		active: true,
	});
	// The workflow's own node: its parameters include the defaults, as n8n passes it.
	return { workflow, node: workflow.getNode('Trigger')! };
}

const byTemplate = (workflow: Workflow, node: INode, field: string) =>
	workflow.expression.getSimpleParameterValue(node, description[field] as string, 'internal', {});

describe('DealHub Callout Trigger webhook description', () => {
	test('uses the symbol n8n-workflow reads the resolvers from', () => {
		expect(Symbol.for('n8n.webhookDescriptionResolvers')).toBe(WEBHOOK_RESOLVERS);
		expect(Object.keys(description[WEBHOOK_RESOLVERS] ?? {}).sort()).toEqual(['path', 'responseMode']);
	});

	test.each([
		[{}],
		[{ pricingSource: 'priceList', path: 'prices' }],
		[{ pricingSource: 'workflow', path: 'dealhub/callout' }],
		[{ pricingSource: 'priceList', path: '' }],
	])('resolves path and responseMode natively as the templates do: %j', (parameters) => {
		const { workflow, node } = workflowWith(parameters);
		for (const field of ['path', 'responseMode']) {
			const native = resolveWebhookDescriptionField(node, description, field);
			expect(native).toEqual({ resolved: true, value: byTemplate(workflow, node, field) });
		}
	});

	test('falls back to the templates when a parameter holds an expression', () => {
		const { workflow, node } = workflowWith({ path: '={{ "from-" + "expression" }}', pricingSource: 'priceList' });
		expect(resolveWebhookDescriptionField(node, description, 'path')).toEqual({ resolved: false });
		expect(byTemplate(workflow, node, 'path')).toBe('from-expression');
	});

	test('every instance gets its own description object', () => {
		expect(new DealHubCalloutTrigger().description.webhooks![0]).not.toBe(description);
	});
});
