// Starts the built app (build/index.js) on a scratch copy of the bundled content,
// so end-to-end tests that contribute or review never change the real files.
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = mkdtempSync(join(tmpdir(), 'atlas-e2e-'));
cpSync('content', join(root, 'content'), { recursive: true });
cpSync('seeds', join(root, 'seeds'), { recursive: true });
process.env.ATLAS_ROOT = root;
process.env.ATLAS_EDITOR_SECRET ??= 'e2e-editor-secret';
process.env.ORIGIN ??= `http://127.0.0.1:${process.env.PORT ?? 4173}`;
console.log(`e2e content in ${root}`);
await import('../../build/index.js');
