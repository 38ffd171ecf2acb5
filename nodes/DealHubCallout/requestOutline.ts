import { isRecord } from '../shared/values';
import type { CalloutItem, CalloutRequest, ReturnedAttributes } from './requestSchema';

/**
 * What the answer is rebuilt from: every line item's id, sku and type, the attributes DealHub
 * asked for, and the bundle structure, in request order.
 */
export interface OutlineItem {
	id: number;
	sku: string;
	type: CalloutItem['type'];
	quantity: number | undefined;
	/** The item's own returned_attributes, or its bundle's when DealHub sent none for the child. */
	attributes: ReturnedAttributes | undefined;
	children: OutlineItem[] | undefined;
}

export interface RequestOutline {
	items: OutlineItem[];
	byId: Map<number, OutlineItem>;
}

export type OutlineResult = { ok: true; outline: RequestOutline } | { ok: false; message: string };

function outlineItem(
	id: number,
	sku: string,
	type: CalloutItem['type'],
	quantity: unknown,
	attributes: ReturnedAttributes | null | undefined,
	inherited: ReturnedAttributes | undefined,
): OutlineItem {
	return {
		id,
		sku,
		type,
		quantity: typeof quantity === 'number' ? quantity : undefined,
		attributes: attributes ?? inherited,
		// The answer to a bundle always lists its children, even when it has none.
		children: type === 'bundle' ? [] : undefined,
	};
}

export function outlineFromRequest(request: Pick<CalloutRequest, 'items'>): RequestOutline {
	const byId = new Map<number, OutlineItem>();
	const visit = (items: CalloutItem[], inherited: ReturnedAttributes | undefined): OutlineItem[] =>
		items.map((item) => {
			const node = outlineItem(item.id, item.sku, item.type, item.quantity, item.returned_attributes, inherited);
			byId.set(node.id, node);
			if (item.bundle_items) node.children = visit(item.bundle_items, node.attributes);
			return node;
		});
	return { items: visit(request.items, undefined), byId };
}

/**
 * Rebuilds the outline from the trigger's one-item-per-line-item output: items come depth first,
 * each child after its bundle, so one pass links every child to an already seen parent.
 */
export function outlineFromLineItems(lineItems: unknown[]): OutlineResult {
	const byId = new Map<number, OutlineItem>();
	const roots: OutlineItem[] = [];
	const broken = (index: number, why: string): OutlineResult => ({
		ok: false,
		message: `the DealHub Callout Trigger's output item ${index} ${why}`,
	});
	for (let index = 0; index < lineItems.length; index++) {
		const json = lineItems[index];
		if (!isRecord(json)) return broken(index, 'is not an object');
		const { id, sku, type, quantity, returned_attributes: attributes, bundle_id: bundleId } = json;
		if (typeof id !== 'number' || typeof sku !== 'string' || (type !== 'product' && type !== 'bundle')) {
			return broken(index, 'has no id, sku or type');
		}
		if (byId.has(id)) return broken(index, `repeats id ${id}`);
		const parent = bundleId === null || bundleId === undefined ? undefined : byId.get(bundleId as number);
		if (bundleId !== null && bundleId !== undefined && parent === undefined) {
			return broken(index, `belongs to bundle ${String(bundleId)}, which is not before it`);
		}
		const own = isRecord(attributes) ? (attributes as ReturnedAttributes) : undefined;
		const node = outlineItem(id, sku, type, quantity, own, parent?.attributes);
		byId.set(id, node);
		if (parent === undefined) roots.push(node);
		else (parent.children ??= []).push(node);
	}
	return { ok: true, outline: { items: roots, byId } };
}
