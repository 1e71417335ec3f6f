import fs from 'node:fs';
import path from 'node:path';
import { ROOT_DIR } from './config.ts';
import { buildDocumentOffline } from './openapi-doc.ts';

/** Write api/openapi.json from the zod schemas (run by `npm run openapi -w api`). */
const file = path.join(ROOT_DIR, 'api', 'openapi.json');
fs.writeFileSync(file, `${JSON.stringify(buildDocumentOffline(), null, 2)}\n`);
console.log(`wrote ${path.relative(process.cwd(), file)}`);
