// Starts the app the way the README does (`npm start`: scripts/server.js, no
// ORIGIN or other settings), on a scratch copy of the bundled content plus the
// fixture maps (tests/e2e/scratch-content.js). ATLAS_ROOT only says where that
// content lives.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start } from '../../scripts/server.js';
import { scratchContent } from './scratch-content.js';

const root = scratchContent();
process.env.ATLAS_ROOT = root;
process.env.ATLAS_EDITOR_SECRET ??= 'e2e-editor-secret';
console.log(`e2e content in ${root}`);
// Where specs that check the files the app wrote find them (tests/e2e/helpers.ts contentRoot).
writeFileSync(join(tmpdir(), `atlas-e2e-root-${process.env.PORT}`), root);
await start();
