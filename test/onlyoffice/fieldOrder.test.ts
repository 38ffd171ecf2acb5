import type { INodeProperties } from 'n8n-workflow';

import { description } from '../../nodes/OnlyOfficeCrm/resources/opportunity/update';

// Update Fields are sorted by code unit (no ICU collator at load); the order must stay the
// alphabetical one n8n's lint and editor expect, i.e. what localeCompare gives.
test('Update Fields are in localeCompare order', () => {
	const updateFields = description.find((property) => property.name === 'updateFields');
	const names = (updateFields?.options as INodeProperties[]).map((option) => option.displayName);
	expect(names.length).toBeGreaterThan(10);
	expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
});
