import type { INodeProperties } from 'n8n-workflow';

import { description } from '../../nodes/OnlyOfficeCrm/resources/opportunity/update';

// Update Fields are sorted by code unit (no ICU collator at load); the order must stay the
// alphabetical one n8n's lint and editor expect, i.e. what localeCompare gives. Node version 1
// and version 2 (stage and responsible as locators) each have their own Update Fields.
test('Update Fields are in localeCompare order, in both node versions', () => {
	const updateFields = description.filter((property) => property.name === 'updateFields');
	expect(updateFields).toHaveLength(2);
	for (const collection of updateFields) {
		const names = (collection.options as INodeProperties[]).map((option) => option.displayName);
		expect(names.length).toBeGreaterThan(10);
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
	}
});
