import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { acceptanceOnFirstUse } from '../DealHubCallout/compileAcceptance';
import { describeRequestIssues } from '../DealHubCallout/issueMessages';
import type { OutlineResult } from '../DealHubCallout/requestOutline';
import { outlineFromLineItems, outlineFromRequest } from '../DealHubCallout/requestOutline';
import type { CalloutItem } from '../DealHubCallout/requestSchema';
import { calloutItemsSchema } from '../DealHubCallout/requestSchema';

const TRIGGER_TYPE_SUFFIX = '.dealHubCalloutTrigger';

const acceptsItems = acceptanceOnFirstUse(() => calloutItemsSchema);

/** n8n hands out items (`{ json }`) or, with the combined binary mode, their json alone. */
function jsonOf(item: unknown): unknown {
	if (item !== null && typeof item === 'object' && 'json' in item) return (item as { json: unknown }).json;
	return item;
}

function outlineFromTriggerOutput(jsons: unknown[]): OutlineResult {
	const first = jsons[0] as IDataObject | undefined;
	const wholeRequest = jsons.length === 1 && first !== undefined && Array.isArray(first.items) && first.id === undefined;
	if (!wholeRequest) return outlineFromLineItems(jsons);
	// Checked again because the trigger's output can be edited (pinned data), then used as it is.
	if (!acceptsItems(first.items)) {
		const parsed = calloutItemsSchema.safeParse(first.items);
		if (!parsed.success) {
			return { ok: false, message: `the DealHub Callout Trigger's output was changed: ${describeRequestIssues(parsed.error.issues)}` };
		}
	}
	return { ok: true, outline: outlineFromRequest({ items: first.items as CalloutItem[] }) };
}

/**
 * The answer must follow the request's ids, skus, order and bundles, which the pricing steps may
 * not keep. So the Response reads them from the trigger's own output in this execution: it looks
 * for a DealHub Callout Trigger among the nodes before it and takes that node's items through
 * n8n's workflow data proxy, like the expression `$('DealHub Callout Trigger').all()`.
 */
export function findCalloutRequest(this: IExecuteFunctions): OutlineResult {
	const triggers = this.getParentNodes(this.getNode().name).filter(
		(node) => node.type.endsWith(TRIGGER_TYPE_SUFFIX) && !node.disabled,
	);
	if (triggers.length === 0) {
		return { ok: false, message: 'no DealHub Callout Trigger comes before the DealHub Callout Response node' };
	}
	const proxy = this.getWorkflowDataProxy(0);
	for (const trigger of triggers) {
		let items: unknown[];
		try {
			items = proxy.$(trigger.name).all(0) as unknown[];
		} catch {
			// That trigger did not run in this execution (a workflow may hold several).
			continue;
		}
		return outlineFromTriggerOutput(items.map(jsonOf));
	}
	return { ok: false, message: 'the DealHub Callout Trigger did not run in this execution' };
}
