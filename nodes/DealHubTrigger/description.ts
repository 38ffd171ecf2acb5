import type { INodeProperties } from 'n8n-workflow';

/** The events DealHub's webhook configuration offers, by the name it sends (case-sensitive). */
export const QUOTE_EVENTS = [
	'draftQuote',
	'primaryQuote',
	'quotePendingApproval',
	'quoteReady',
	'quoteRejected',
	'quoteRecalled',
	'quotePublished',
	'quoteUnpublished',
	'quoteWon',
] as const;

export const OTHER_EVENTS = ['DEALROOM_EVENT', 'version', 'user', 'productsUpload', 'crmImport', 'Failure WebHook v1'] as const;

export const ANY_EVENT = '*';

const eventOption = (name: string, value: string, description: string) => ({ name, value, description });

export const triggerProperties: INodeProperties[] = [
	{
		displayName: 'Path',
		name: 'path',
		type: 'string',
		default: 'dealhub-webhook',
		required: true,
		placeholder: 'dealhub-webhook',
		description:
			'The end of the webhook URL. Paste the production URL into the webhook configuration in DealHub. With Authentication: None, make it long and random.',
	},
	{
		displayName: 'Authentication',
		name: 'authentication',
		type: 'options',
		options: [
			{ name: 'Bearer Token or Basic Auth', value: 'secret', description: 'The secret of the DealHub Webhook API credential, as DealHub sends it' },
			{ name: 'None', value: 'none', description: 'Anyone who knows the URL can call it: use a long random Path' },
		],
		default: 'secret',
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		required: true,
		options: [
			eventOption('Any Event', ANY_EVENT, 'Every event DealHub sends to this URL'),
			eventOption('CRM Import Finished', 'crmImport', 'crmImport'),
			eventOption('DealRoom Activity', 'DEALROOM_EVENT', 'DEALROOM_EVENT: buyer and seller activity in a DealRoom'),
			eventOption('Failed Asynchronous Request', 'Failure WebHook v1', 'Failure WebHook v1'),
			eventOption('Product Upload Finished', 'productsUpload', 'productsUpload'),
			eventOption('Quote Made Primary', 'primaryQuote', 'primaryQuote'),
			eventOption('Quote Pending Approval', 'quotePendingApproval', 'quotePendingApproval: on submission, and again on each approval step'),
			eventOption('Quote Published', 'quotePublished', 'quotePublished: published to a DealRoom'),
			eventOption('Quote Ready', 'quoteReady', 'quoteReady: ready to be sent (approved, or needing no approval)'),
			eventOption('Quote Recalled', 'quoteRecalled', 'quoteRecalled'),
			eventOption('Quote Rejected', 'quoteRejected', 'quoteRejected'),
			eventOption('Quote Saved as Draft', 'draftQuote', 'draftQuote: on creation and on every later save'),
			eventOption('Quote Unpublished', 'quoteUnpublished', 'quoteUnpublished'),
			eventOption('Quote Won', 'quoteWon', 'quoteWon: signed, the deal is won'),
			eventOption('User Changed', 'user', 'user: created, modified or deleted'),
			eventOption('Version Changed', 'version', 'version: created, activated or reactivated'),
		],
		default: ['quoteWon'],
		description: 'Events that start the workflow. Others are answered 200 and start nothing.',
	},
	{
		displayName: 'DealRoom Actions',
		name: 'dealRoomActions',
		type: 'string',
		default: '',
		placeholder: 'DEAL_BOX_FILE_ADDED, DEAL_BOX_FILE_DOWNLOADED',
		displayOptions: { show: { events: ['DEALROOM_EVENT'] } },
		description: 'Comma-separated action_summary keys of the DealRoom activity to accept; empty accepts every activity',
	},
	{
		displayName: 'Fetch Full Quote',
		name: 'fetchQuote',
		type: 'boolean',
		default: false,
		description:
			'Whether a quote event’s output also holds the quote from Get Quote, read with the DealHub API credential after DealHub got its answer',
	},
	{
		displayName: 'Quote Details',
		name: 'quoteDetails',
		type: 'multiOptions',
		options: [
			{ name: 'Answers', value: 'answers' },
			{ name: 'Approvals', value: 'approvals' },
			{ name: 'DealRoom Info', value: 'deal_room_info' },
			{ name: 'Info', value: 'info' },
			{ name: 'Line Items', value: 'line_items' },
			{ name: 'Summary', value: 'summary' },
		],
		default: ['info', 'summary', 'deal_room_info', 'line_items'],
		displayOptions: { show: { fetchQuote: [true] } },
		description: 'The blocks of the quote to fetch',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Drop Duplicates',
				name: 'dropDuplicates',
				type: 'boolean',
				default: true,
				description:
					'Whether to start no run for an event whose event_info.event_id this trigger saw in the last Duplicate Window (the last 1,000 IDs, kept in the workflow\'s static data, which every n8n process shares, and in this process\'s memory)',
			},
			{
				displayName: 'Duplicate Window (Minutes)',
				name: 'duplicateWindowMinutes',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 1440 },
				default: 60,
				displayOptions: { show: { dropDuplicates: [true] } },
				description: 'How long an event ID is remembered',
			},
			{
				displayName: 'Include Headers',
				name: 'includeHeaders',
				type: 'boolean',
				default: false,
				description: 'Whether the output holds the request headers too (the Authorization header never)',
			},
		],
	},
];
