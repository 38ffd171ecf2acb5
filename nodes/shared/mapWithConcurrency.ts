/**
 * Runs `task` for indexes 0..count-1 with at most `limit` in flight and returns the results in
 * index order. After a failure no new index starts and the first error is rethrown.
 */
export async function mapWithConcurrency<T>(
	count: number,
	limit: number,
	task: (index: number) => Promise<T>,
): Promise<T[]> {
	const results = new Array<T>(count);
	let next = 0;
	let failed = false;
	const worker = async () => {
		while (!failed && next < count) {
			const index = next++;
			const outcome = task(index);
			outcome.catch(() => (failed = true));
			results[index] = await outcome;
		}
	};
	const workers = Math.max(1, Math.min(Math.floor(limit) || 1, count));
	await Promise.all(Array.from({ length: workers }, worker));
	return results;
}
