import { config } from '@n8n/node-cli/eslint';
import { globalIgnores } from 'eslint/config';

// Tests and scripts run on the developer's machine, not inside n8n: the community rules do not apply.
export default [globalIgnores(['test/**', 'scripts/**', 'gulpfile.js', 'jest.config.js']), ...config];
