import type { INodeParameters, IWebhookDescription, NativeParameterResolvers, WEBHOOK_RESOLVERS } from 'n8n-workflow';

/**
 * n8n 2.x evaluates every expression in a webhook description on every request, and with its
 * default expression engine (N8N_EXPRESSION_ENGINE=vm) each evaluation runs in a V8 isolate:
 * a few milliseconds per field per callout. A field that also carries a native resolver, stored
 * under n8n-workflow's WEBHOOK_RESOLVERS symbol next to its unchanged template, is read from the
 * node's parameters directly whenever they hold no expression (n8n-workflow's
 * resolveWebhookDescriptionField); otherwise n8n evaluates the template as before.
 *
 * WEBHOOK_RESOLVERS is the registered symbol below. It is looked up with Symbol.for rather than
 * imported, so n8n 1.x, whose n8n-workflow does not export it, loads the node unchanged and keeps
 * evaluating the templates.
 */
const RESOLVERS = Symbol.for('n8n.webhookDescriptionResolvers') as typeof WEBHOOK_RESOLVERS;

/** The trigger answers a price-list callout itself (onReceived); otherwise its Response node does. */
export const responseModeOf = (parameters: INodeParameters): string =>
	parameters.pricingSource === 'priceList' ? 'onReceived' : 'responseNode';

const fields: NativeParameterResolvers = {
	path: { template: '={{$parameter["path"]}}', resolve: (parameters) => parameters.path },
	responseMode: {
		template: '={{$parameter["pricingSource"] === "priceList" ? "onReceived" : "responseNode"}}',
		resolve: responseModeOf,
	},
};

/** The trigger's one webhook, a new object per node instance as an inline literal would be. */
export const calloutWebhook = (): IWebhookDescription => ({
	name: 'default',
	httpMethod: 'POST',
	// With its own price list the trigger answers in webhook() itself; otherwise the
	// DealHub Callout Response node does, so n8n must wait for it.
	responseMode: fields.responseMode.template,
	path: fields.path.template,
	isFullPath: true,
	[RESOLVERS]: fields,
});
