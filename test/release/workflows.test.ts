import { brokenWorkflow, removeTemporaryFolders, runWorkflowLint } from './release';

// `npm run lint` validates .github/workflows with action-validator: the real workflows pass, a
// broken copy fails naming the file and what is wrong.

afterAll(() => removeTemporaryFolders());

describe('workflow validation', () => {
	test('the repository workflows are valid', () => {
		const { status, output } = runWorkflowLint();
		expect(output).toContain('ok      .github/workflows/ci.yml');
		expect(output).toContain('ok      .github/workflows/publish.yml');
		expect(status).toBe(0);
	});

	test('a job without runs-on fails, naming the file and the property', () => {
		const broken = brokenWorkflow('publish.yml', 'runs-on: ubuntu-latest', 'runs_on: ubuntu-latest');
		const { status, output } = runWorkflowLint([broken]);
		expect(output).toContain(`failed  ${broken} is not a valid GitHub workflow`);
		expect(output).toContain("/jobs/publish: Additional property 'runs_on' is not allowed");
		expect(output).toContain('/jobs/publish/runs-on: This property is required');
		expect(status).toBe(1);
	});

	test('a YAML syntax error fails with its line', () => {
		const broken = brokenWorkflow('ci.yml', 'node: [20, 22]', 'node: [20, 22');
		const { status, output } = runWorkflowLint([broken]);
		expect(output).toContain(`failed  ${broken} is not a valid GitHub workflow`);
		expect(output).toMatch(/line \d+: /);
		expect(status).toBe(1);
	});

	test('one invalid file among valid ones fails the run', () => {
		const broken = brokenWorkflow('ci.yml', 'steps:', 'stepz:');
		const { status, output } = runWorkflowLint(['.github/workflows/publish.yml', broken]);
		expect(output).toContain('ok      .github/workflows/publish.yml');
		expect(output).toContain("Additional property 'stepz' is not allowed");
		expect(status).toBe(1);
	});
});
