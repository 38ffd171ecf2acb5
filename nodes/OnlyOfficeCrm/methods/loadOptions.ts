import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { responseList } from '../shared/envelope';
import { DEFAULT_TIMEOUT_MS } from '../shared/options';
import { collectPages } from '../shared/paging';
import { stageSchema, userSchema } from '../shared/schemas';
import { callPortal } from '../shared/transport';

export function timeoutOf(context: ILoadOptionsFunctions): number {
	const timeout = context.getCurrentNodeParameter('options.timeout');
	return typeof timeout === 'number' && timeout > 0 ? timeout : DEFAULT_TIMEOUT_MS;
}

/** The opportunity stages, in the portal's order. */
export async function getStages(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const envelope = await callPortal.call(this, { method: 'GET', path: 'crm/opportunity/stage', timeout: timeoutOf(this) });
	return responseList(envelope)
		.map((entry) => stageSchema.safeParse(entry))
		.flatMap((parsed) => (parsed.success ? [parsed.data] : []))
		.sort((a, b) => (a.sortOrder ?? 0) - (b.sortOrder ?? 0))
		.map((stage) => ({ name: stage.title || `Stage ${stage.id}`, value: stage.id }));
}

/** The portal's users, by name, for the responsible user and the access list. */
export async function getUsers(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const timeout = timeoutOf(this);
	const users = await collectPages(
		async (startIndex, count) =>
			await callPortal.call(this, { method: 'GET', path: 'people', qs: { startIndex, count }, timeout }),
	);
	return users
		.map((entry) => userSchema.safeParse(entry))
		.flatMap((parsed) => (parsed.success ? [parsed.data] : []))
		.map((user) => ({
			name: user.displayName || user.email || user.id,
			value: user.id,
			description: user.email ?? undefined,
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
}
