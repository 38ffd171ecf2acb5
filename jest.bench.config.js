/** `npm run bench`: measurements, not tests. Each file prints its table to stdout. */
const unit = require('./jest.config');

module.exports = {
	...unit,
	testMatch: ['**/test/bench/**/*.bench.{ts,js}'],
	testTimeout: 30 * 60 * 1000,
	verbose: false,
};
