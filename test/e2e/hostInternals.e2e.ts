import fc from 'fast-check';
import type * as N8nWorkflow from 'n8n-workflow';
import type { INode, INodeParameters, INodeTypes, IWebhookDescription } from 'n8n-workflow';

import type * as TriggerModule from '../../nodes/DealHubCalloutTrigger/DealHubCalloutTrigger.node';
import { responseModeOf } from '../../nodes/DealHubCalloutTrigger/webhookDescription';
import { majorOf } from '../../scripts/n8nRuntime';
import { anyValue, mutated, payload, validLooking } from '../callout/arbitraries';
import { expectZodsAnswer, loadRequestModules } from '../callout/requestModules';
import { describeEachN8nVersion } from './harness';
import { hostModule, hostPackageVersion } from './hostModules';

// The pack relies on two internals of the host n8n, each with a fallback: compileAcceptance reads
// the internals of the host's zod (the pack bundles none), and the callout trigger's webhook
// description carries native resolvers that only n8n-workflow 2.x reads. This checks both against
// the packages each n8n version under test installed; no n8n is started.

const RESOLVERS = Symbol.for('n8n.webhookDescriptionResolvers');
const TRIGGER_TYPE = 'n8n-nodes-dealhub.dealHubCalloutTrigger';
const corpus = fc.oneof(payload, validLooking, mutated);

/** The callout trigger and n8n-workflow as n8n <version> loads them: its n8n-workflow, its zod. */
function loadTriggerIn(version: string) {
	let loaded: { workflow: typeof N8nWorkflow; trigger: N8nWorkflow.INodeType } | undefined;
	jest.isolateModules(() => {
		const workflowPath = hostModule(version, 'n8n-workflow');
		const zodPath = hostModule(version, 'zod');
		jest.doMock('n8n-workflow', () => jest.requireActual(workflowPath));
		jest.doMock('zod', () => jest.requireActual(zodPath));
		const { DealHubCalloutTrigger } = jest.requireActual<typeof TriggerModule>(
			'../../nodes/DealHubCalloutTrigger/DealHubCalloutTrigger.node',
		);
		loaded = { workflow: jest.requireActual<typeof N8nWorkflow>(workflowPath), trigger: new DealHubCalloutTrigger() };
		jest.dontMock('n8n-workflow');
		jest.dontMock('zod');
	});
	return loaded!;
}

describeEachN8nVersion('host internals the pack relies on', (version) => {
	const zodVersion = hostPackageVersion(version, 'zod');
	// zod 3.x (3.25 included, whose root is still v3) has the internals compileAcceptance knows.
	const expectedPath = majorOf(zodVersion) === 3 ? 'compiled' : 'fallback';

	describe(`its zod (${zodVersion})`, () => {
		const zodPath = hostModule(version, 'zod');
		const host = loadRequestModules({ zod: zodPath });
		const fallback = loadRequestModules({ zod: zodPath, fallback: true });

		it('builds the request schema', () => {
			expect(host.schemas.calloutRequestSchema).toBeInstanceOf(host.zod.ZodType);
			expect(host.zod).not.toBe(loadRequestModules().zod);
		});

		it(`takes the ${expectedPath} path, and the compiled check gives zod's verdict on every fuzzed body`, () => {
			const { calloutRequestSchema, calloutItemsSchema } = host.schemas;
			const acceptsRequest = host.compileAcceptance(calloutRequestSchema);
			const acceptsItems = host.compileAcceptance(calloutItemsSchema);
			expect(acceptsRequest === undefined ? 'fallback' : 'compiled').toBe(expectedPath);
			expect(acceptsItems === undefined ? 'fallback' : 'compiled').toBe(expectedPath);
			if (acceptsRequest === undefined || acceptsItems === undefined) return;
			fc.assert(
				fc.property(corpus, (body) => {
					expect(acceptsRequest(body)).toBe(calloutRequestSchema.safeParse(body).success);
				}),
				{ numRuns: 3000 },
			);
			fc.assert(
				fc.property(fc.oneof(validLooking.map((body) => body.items), anyValue), (items) => {
					expect(acceptsItems(items)).toBe(calloutItemsSchema.safeParse(items).success);
				}),
				{ numRuns: 1000 },
			);
		});

		it("answers callouts as zod does, on the compiled path and on the fallback path", () => {
			expect(fallback.compileAcceptance(fallback.schemas.calloutRequestSchema)).toBeUndefined();
			fc.assert(
				fc.property(corpus, (body) => {
					expectZodsAnswer(host, body);
					expectZodsAnswer(fallback, body);
				}),
				{ numRuns: 2000 },
			);
		});
	});

	describe(`its n8n-workflow (${hostPackageVersion(version, 'n8n-workflow')})`, () => {
		const { workflow: n8nWorkflow, trigger } = loadTriggerIn(version);
		const description = trigger.description.webhooks![0] as IWebhookDescription & { [RESOLVERS]?: unknown };
		const nodeTypes = {
			getByName: () => trigger,
			getByNameAndVersion: () => trigger,
			getKnownTypes: () => ({}),
		} as unknown as INodeTypes;

		/** The workflow's own node (its parameters with defaults) and the host's template values. */
		function triggerIn(parameters: INodeParameters) {
			const workflow = new n8nWorkflow.Workflow({
				id: 'w',
				nodes: [{ id: '1', name: 'Trigger', type: TRIGGER_TYPE, typeVersion: 1, position: [0, 0], parameters }],
				connections: {},
				nodeTypes,
				active: true,
			});
			const node: INode = workflow.getNode('Trigger')!;
			const byTemplate = (field: 'path' | 'responseMode') =>
				workflow.expression.getSimpleParameterValue(node, description[field], 'internal', {});
			return { node, byTemplate };
		}

		const cases: INodeParameters[] = [
			{},
			{ pricingSource: 'priceList', path: 'prices' },
			{ pricingSource: 'workflow', path: 'dealhub/callout' },
		];

		if (majorOf(version) >= 2) {
			it('reads our native resolvers under its WEBHOOK_RESOLVERS symbol', () => {
				expect(n8nWorkflow.WEBHOOK_RESOLVERS).toBe(RESOLVERS);
				expect(Object.keys(description[RESOLVERS] as object).sort()).toEqual(['path', 'responseMode']);
				for (const parameters of cases) {
					const { node, byTemplate } = triggerIn(parameters);
					for (const field of ['path', 'responseMode'] as const) {
						const native = n8nWorkflow.resolveWebhookDescriptionField(node, description, field);
						expect(native).toEqual({ resolved: true, value: byTemplate(field) });
					}
					expect(byTemplate('path')).toBe(node.parameters.path);
					expect(byTemplate('responseMode')).toBe(responseModeOf(node.parameters));
				}
			});
		} else {
			it('has no WEBHOOK_RESOLVERS, and our templates alone give path and response mode', () => {
				expect(n8nWorkflow).not.toHaveProperty('WEBHOOK_RESOLVERS');
				expect(n8nWorkflow).not.toHaveProperty('resolveWebhookDescriptionField');
				for (const parameters of cases) {
					const { node, byTemplate } = triggerIn(parameters);
					expect(byTemplate('path')).toBe(node.parameters.path);
					expect(byTemplate('responseMode')).toBe(responseModeOf(node.parameters));
				}
			});
		}
	});
});
