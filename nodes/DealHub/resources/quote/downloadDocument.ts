import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { OutputItems } from '../../../shared/itemLoop';
import { getQuoteApiFile } from '../../shared/quoteApi';
import { timeoutFor } from '../../shared/redirectOperation';
import { quoteIdFields, resolveDealHubQuoteId } from './get';

const show = { resource: ['quote'], operation: ['downloadDocument'] };

type DocumentType = '' | 'PDF' | 'WORD' | 'EXCEL';

const FILE_KINDS = {
	PDF: { extension: 'pdf', mimeType: 'application/pdf' },
	WORD: { extension: 'docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
	EXCEL: { extension: 'xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
} as const;

export const description: INodeProperties[] = [
	...quoteIdFields(['downloadDocument']),
	{
		displayName: 'Document Type',
		name: 'documentType',
		type: 'options',
		options: [
			{ name: 'As Produced', value: '', description: 'The format and template the salesperson produced' },
			{ name: 'Excel', value: 'EXCEL', description: 'Only for quotes set up for Excel output' },
			{ name: 'PDF', value: 'PDF' },
			{ name: 'Word', value: 'WORD' },
		],
		default: '',
		displayOptions: { show },
		description: 'Another format than the one produced works only if the quote’s playbook allows it',
	},
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		displayOptions: { show },
		hint: 'The name of the output binary field to put the file in',
	},
];

/** What the bytes are: the type asked for, else the answer's headers, else the file's first bytes. */
function fileKindOf(bytes: Buffer, asked: DocumentType, headers: IDataObject): (typeof FILE_KINDS)[keyof typeof FILE_KINDS] | undefined {
	if (asked !== '') return FILE_KINDS[asked];
	const contentType = String(headers['content-type'] ?? '').toLowerCase();
	const byMime = Object.values(FILE_KINDS).find((kind) => contentType.startsWith(kind.mimeType));
	if (byMime) return byMime;
	if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return FILE_KINDS.PDF;
	if (bytes.subarray(0, 2).toString('latin1') === 'PK') {
		// An Office file is a zip: its entries' names tell a Word document from a workbook.
		const head = bytes.subarray(0, 4096).toString('latin1');
		if (head.includes('word/')) return FILE_KINDS.WORD;
		if (head.includes('xl/')) return FILE_KINDS.EXCEL;
	}
	return undefined;
}

/** The file name the answer gives (Content-Disposition), if any. */
function dispositionFileName(headers: IDataObject): string | undefined {
	const disposition = String(headers['content-disposition'] ?? '');
	const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
	if (encoded) return decodeURIComponent(encoded[1].trim());
	const plain = /filename="?([^";]+)"?/i.exec(disposition);
	return plain ? plain[1].trim() : undefined;
}

/** GET /api/v1/quote/{id}/document: the quote's document as binary data. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<OutputItems> {
	const documentType = this.getNodeParameter('documentType', itemIndex, '') as DocumentType;
	const binaryPropertyName = String(this.getNodeParameter('binaryPropertyName', itemIndex, 'data')).trim() || 'data';
	const id = await resolveDealHubQuoteId.call(this, itemIndex);
	const { bytes, headers } = await getQuoteApiFile.call(this, {
		path: `/api/v1/quote/${encodeURIComponent(id)}/document`,
		qs: documentType === '' ? undefined : { document_type: documentType },
		timeout: timeoutFor(this, itemIndex),
		itemIndex,
		badRequestHint:
			'DealHub gives a document only for a submitted quote: this one is probably still a Draft, or the Document Type is not enabled for its playbook.',
	});
	const kind = fileKindOf(bytes, documentType, headers);
	const fileName = dispositionFileName(headers) ?? `quote-${id}.${kind?.extension ?? 'bin'}`;
	const binary = await this.helpers.prepareBinaryData(bytes, fileName, kind?.mimeType ?? 'application/octet-stream');
	return new OutputItems([
		{
			json: { dealhub_quote_id: id, file_name: fileName, mime_type: binary.mimeType, size: bytes.length },
			binary: { [binaryPropertyName]: binary },
		},
	]);
}
