/** DealHub turns spaces and hyphens in attribute names into underscores: `start-date` -> `start_date`. */
export function toDealHubName(name: string): string {
	return needsConversion(name) ? name.replace(/[ -]/g, '_') : name;
}

function needsConversion(name: string): boolean {
	return name.includes(' ') || name.includes('-');
}

/**
 * Reads an attribute from a workflow item under its DealHub name, or under a name that converts
 * to it (`start-date`, `start date`). The converted names are worked out only when the direct
 * lookup misses, and once per item.
 */
export class AttributeReader {
	private converted: Map<string, unknown> | undefined;

	constructor(private readonly json: Record<string, unknown>) {}

	get(dealHubName: string): unknown {
		// Own fields only: an attribute named `toString` or `constructor` is not the item's.
		const direct = Object.prototype.hasOwnProperty.call(this.json, dealHubName) ? this.json[dealHubName] : undefined;
		if (direct !== undefined) return direct;
		if (this.converted === undefined) {
			this.converted = new Map();
			for (const key of Object.keys(this.json)) {
				if (needsConversion(key)) this.converted.set(toDealHubName(key), this.json[key]);
			}
		}
		return this.converted.get(dealHubName);
	}
}
