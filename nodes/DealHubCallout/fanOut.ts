import type { CalloutItem, CalloutRequest } from './requestSchema';

/** One trigger output item per line item: the item's own fields plus what it needs from the request. */
export type CalloutLineItem = Omit<CalloutItem, 'bundle_items'> & {
	request_id: string;
	/** The id of the bundle this item belongs to; null for the request's top-level items. */
	bundle_id: number | null;
	playbook_answers?: CalloutRequest['playbook_answers'];
};

/** The request without the secret it carried, for the one-item output. */
export type CalloutRequestItem = Omit<CalloutRequest, 'authentication'>;

/**
 * Products and bundles in request order, each bundle followed by its children (depth first), so
 * the order of the output is the order DealHub expects the answer in. The playbook answers object
 * is shared by all items rather than copied 5,000 times.
 */
export function fanOutLineItems(request: CalloutRequest, includePlaybookAnswers: boolean): CalloutLineItem[] {
	const output: CalloutLineItem[] = [];
	const requestId = request.request_id;
	const playbookAnswers = includePlaybookAnswers ? request.playbook_answers : undefined;
	const visit = (items: CalloutItem[], bundleId: number | null) => {
		for (const item of items) {
			const children = item.bundle_items;
			const lineItem: CalloutLineItem = { request_id: requestId, ...item, bundle_id: bundleId };
			// Only bundles pay for the delete; copying every item without the key would cost more.
			if (children !== undefined) delete lineItem.bundle_items;
			if (playbookAnswers !== undefined) lineItem.playbook_answers = playbookAnswers;
			output.push(lineItem);
			if (children) visit(children, item.id);
		}
	};
	visit(request.items, null);
	return output;
}

/**
 * The one item of the SKUs output: what a lookup step needs to fetch only the rows this quote
 * prices, and the request itself, from which the Response rebuilds the answer.
 */
export type CalloutSkusItem = { skus: string[]; line_item_count: number } & CalloutRequestItem;

export function calloutSkus(request: CalloutRequest, includePlaybookAnswers: boolean): CalloutSkusItem {
	const skus = new Set<string>();
	let lineItemCount = 0;
	const visit = (items: CalloutItem[]) => {
		for (const item of items) {
			skus.add(item.sku);
			lineItemCount++;
			if (item.bundle_items) visit(item.bundle_items);
		}
	};
	visit(request.items);
	return {
		request_id: request.request_id,
		skus: [...skus],
		line_item_count: lineItemCount,
		...requestWithoutSecret(request, includePlaybookAnswers),
	};
}

export function requestWithoutSecret(request: CalloutRequest, includePlaybookAnswers: boolean): CalloutRequestItem {
	const item: Partial<CalloutRequest> = { ...request };
	delete item.authentication;
	if (!includePlaybookAnswers) delete item.playbook_answers;
	return item as CalloutRequestItem;
}
