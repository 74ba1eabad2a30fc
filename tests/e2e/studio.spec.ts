import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { parse } from 'yaml';
import { expectAccessible } from './axe';
import { lineDiff } from '../fixtures/line-diff';
import { contentRoot, selectWithMouse } from './helpers';

const SECRET = process.env.ATLAS_EDITOR_SECRET ?? 'e2e-editor-secret';

/** A new text, written for this test: one phrase occurs twice, to be quoted with its context. */
const TEXT = [
	'Should phones be banned in school?',
	'The head teacher says phones should be banned in lessons. She adds that phones distract pupils during lessons, and that test scores rose where phones were banned.',
	'A parent replies that phones keep children safe on the way home, because parents want to reach their children.',
	'A pupil says phones distract pupils only when lessons are dull. Another pupil adds that phones help pupils look things up.',
	'A researcher notes that the test score studies were small. The caretaker says bans are hard to enforce, but teachers can collect phones at the door.',
	''
].join('\n');

async function signIn(page: Page) {
	await page.goto('/review');
	await page.getByLabel('Editor secret').fill(SECRET);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByText('Signed in as an editor.').first()).toBeVisible();
}

const row = (page: Page, claim: string) =>
	page.getByTestId('outline').getByRole('treeitem').filter({ hasText: claim });

/** Wait for the step's answer: the notice says what was done. */
async function saved(page: Page, what: RegExp | string) {
	await expect(page.getByTestId('notice')).toContainText(what);
}

function mapFile(id: string) {
	return join(contentRoot(), 'content', 'arguments', `${id}.yaml`);
}

interface Shape {
	claim: string;
	supports?: Shape[];
	rebuts?: Shape[];
}
function shape(node: Shape): unknown {
	const out: Record<string, unknown> = { claim: node.claim };
	if (node.supports) out.supports = node.supports.map(shape);
	if (node.rebuts) out.rebuts = node.rebuts.map(shape);
	return out;
}

test.describe('The studio', () => {
	test('builds a map of a new text from an empty studio, by keyboard and by mouse', async ({
		page
	}) => {
		test.setTimeout(240_000);
		const stamp = Date.now().toString(36);
		const sourceId = `phones-${stamp}`;
		const mapId = `phones-map-${stamp}`;
		await signIn(page);

		// A new text, pasted, with its details; then a map with only a question and a thesis.
		await page.goto('/new');
		await page.locator('#source-id').fill(sourceId);
		await page.locator('#source-title').fill('A school debates phones (test text)');
		await page.locator('#source-kind').fill('invented debate');
		await page.locator('#source-date').fill('2026-12');
		await page.locator('#source-language').fill('en');
		await page.locator('#source-description').fill('A short invented debate, for the studio test.');
		await page.locator('#source-text').fill(TEXT);
		await page.getByRole('button', { name: 'Add the source' }).click();
		await expect(page.getByText('Added the source')).toBeVisible();
		await page.locator('#map-id').fill(mapId);
		await page.locator('#map-title').fill('Phones in school');
		await page.locator('#map-question').fill('Should phones be banned in lessons?');
		await page.locator('#map-summary').fill('A head teacher, a parent, pupils and a researcher.');
		await page.locator('#map-source').selectOption(sourceId);
		await page.locator('#map-claim').fill('Phones should be banned in lessons.');
		await page.getByRole('button', { name: 'Start the map' }).click();
		await expect(page).toHaveURL(new RegExp(`/studio/${mapId}\\?source=${sourceId}$`));
		await expect(page.getByRole('heading', { name: /Needs a passage \(1\)/ })).toBeVisible();
		await expect(page.getByTestId('coverage')).toContainText('8 of 8 sentences not cited yet');

		// The thesis's passage: selected in the source.
		await selectWithMouse(page, 'phones should be banned in lessons', 0);
		await page.getByTestId('quote-it').click();
		await saved(page, /Done: edit cites, editorial/);
		await expect(page.getByTestId('passage')).toContainText('phones should be banned in lessons');
		await expect(page.getByRole('heading', { name: /Needs a passage \(0\)/ })).toBeVisible();
		await expect(page.getByTestId('coverage')).toContainText('7 of 8 sentences not cited yet');

		// By keyboard: three supports and two rebuttals of the thesis.
		await row(page, 'Phones should be banned').click();
		await page.keyboard.press('s');
		const claim = page.locator('#new-claim');
		await expect(claim).toBeFocused();
		for (const text of [
			'Phones distract pupils during lessons.',
			'Test scores rose where phones were banned.',
			'Teachers can collect phones at the door.'
		]) {
			await claim.fill(text);
			await claim.press('Enter');
			await expect(row(page, text)).toBeVisible();
			await expect(claim).toHaveValue('');
		}
		await claim.press('Escape');
		await row(page, 'Phones should be banned').click();
		await page.keyboard.press('r');
		for (const text of [
			'Phones keep children safe on the way home.',
			'Bans are hard to enforce.'
		]) {
			await claim.fill(text);
			await claim.press('Enter');
			await expect(row(page, text)).toContainText('Rebuts');
		}
		await claim.press('Escape');

		// By mouse: the buttons of the node editor.
		const addByMouse = async (
			parent: string,
			which: 'add-support' | 'add-rebuttal',
			text: string
		) => {
			await row(page, parent).click();
			await page.getByTestId(which).click();
			await page.locator('#new-claim').fill(text);
			await page.getByRole('button', { name: 'Add', exact: true }).click();
			await expect(row(page, text)).toBeVisible();
			await page.getByRole('button', { name: 'Done', exact: true }).click();
		};
		await addByMouse(
			'Phones distract pupils during',
			'add-rebuttal',
			'Phones distract only in dull lessons.'
		);
		await addByMouse('Test scores rose', 'add-rebuttal', 'The test score studies were small.');
		await addByMouse(
			'Phones should be banned',
			'add-support',
			'Parents want to reach their children.'
		);
		await addByMouse(
			'Phones should be banned',
			'add-rebuttal',
			'Phones help pupils look things up.'
		);
		await expect(page.getByTestId('outline').getByRole('treeitem')).toHaveCount(10);

		// Moves by keyboard: up among its siblings, a relation change, then in under the node above.
		const caretaker = row(page, 'Teachers can collect phones');
		await caretaker.click();
		await page.keyboard.press('Alt+ArrowUp');
		await saved(page, /reorder the supports/);
		await page.keyboard.press('t');
		await saved(page, /make .*Teachers can collect.* a rebuttal/);
		await expect(caretaker).toContainText('Rebuts');
		// Now the thesis's last rebuttal: "in" puts it under the one above, "Phones help pupils…".
		await page.keyboard.press('Alt+ArrowUp');
		await page.keyboard.press('Alt+ArrowUp');
		await saved(page, /reorder the rebuts/);
		await page.keyboard.press('Alt+ArrowRight');
		await saved(page, /move .*Teachers can collect.* under .*Phones keep children/);
		await page.keyboard.press('Alt+ArrowLeft');
		await saved(page, /move .*Teachers can collect.* under .*Phones should be banned/);
		// By drag: the parents' point goes under the safety rebuttal, the caretaker's under the bans one.
		await row(page, 'Parents want to reach').dragTo(row(page, 'Phones keep children safe'));
		await saved(page, /move .*Parents want.* under .*Phones keep children safe/);
		await row(page, 'Teachers can collect phones').dragTo(row(page, 'Bans are hard to enforce'));
		await saved(page, /move .*Teachers can collect.* under .*Bans are hard/);

		// Quoting a phrase that occurs twice keeps its context.
		await row(page, 'Phones distract only in dull').click();
		await selectWithMouse(page, 'phones distract pupils', 1);
		await expect(page.getByTestId('selection-bar')).toContainText('occurs more than once');
		await page.getByTestId('quote-it').click();
		await saved(page, /Done: edit cites/);

		// A change that would break the map is refused beside its control, and nothing is written.
		const before = readFileSync(mapFile(mapId), 'utf8');
		await page.locator('#node-claim').fill(' ');
		await page.getByRole('button', { name: 'Save the node' }).click();
		await expect(page.getByTestId('node-error')).toContainText('claim is empty');
		expect(readFileSync(mapFile(mapId), 'utf8')).toBe(before);

		// Editing a claim changes exactly its line of the file.
		await page.locator('#node-claim').fill('Phones distract pupils only in dull lessons.');
		await page.getByRole('button', { name: 'Save the node' }).click();
		await saved(page, /Done: edit claim/);
		const after = readFileSync(mapFile(mapId), 'utf8');
		const was = before.split('\n');
		const now = after.split('\n');
		expect(now.length).toBe(was.length);
		const changed = now.filter((line, i) => line !== was[i]);
		expect(changed).toEqual([
			expect.stringMatching(/^\s+claim: Phones distract pupils only in dull lessons\.$/)
		]);

		// A delete goes to the archive and is undone; undo and redo walk the history.
		await row(page, 'The test score studies').click();
		await page.keyboard.press('Delete');
		await saved(page, /Done: delete/);
		await expect(row(page, 'The test score studies')).toHaveCount(0);
		await expect(page.getByTestId('deleted')).toContainText('The test score studies were small.');
		const archive = readFileSync(
			join(contentRoot(), 'content', 'archive', `${mapId}.yaml`),
			'utf8'
		);
		expect(parse(archive)).toEqual([
			expect.objectContaining({
				relation: 'rebuts',
				node: expect.objectContaining({ claim: 'The test score studies were small.' })
			})
		]);
		await page.getByTestId('undo').click();
		await saved(page, /Undone: delete/);
		await expect(row(page, 'The test score studies')).toBeVisible();
		await page.keyboard.press('Control+z');
		await saved(page, /Undone: edit claim/);
		await expect(row(page, 'Phones distract only in dull lessons.')).toBeVisible();
		await page.getByTestId('redo').click();
		await saved(page, /Redone: edit claim/);

		// Every other node gets its passage, selected in the source.
		const passages: [string, string][] = [
			['Phones distract pupils during', 'phones distract pupils during lessons'],
			['Test scores rose', 'test scores rose where phones were banned'],
			['The test score studies', 'the test score studies were small'],
			['Phones keep children safe', 'phones keep children safe on the way home'],
			['Parents want to reach', 'parents want to reach their children'],
			['Bans are hard', 'bans are hard to enforce'],
			['Teachers can collect', 'teachers can collect phones at the door'],
			['Phones help pupils', 'phones help pupils look things up']
		];
		for (const [claim, passage] of passages) {
			await row(page, claim).click();
			await selectWithMouse(page, passage, 0);
			await page.getByTestId('quote-it').click();
			await expect(row(page, claim)).not.toContainText('needs a passage');
		}
		await expect(page.getByRole('heading', { name: /Needs a passage \(0\)/ })).toBeVisible();
		await expect(page.getByTestId('coverage')).toContainText('2 of 8 sentences not cited yet');

		// The map's own fields, and the order the presentation reveals.
		await page.getByRole('tab', { name: 'Map details' }).click();
		await page
			.locator('#map-summary')
			.fill(
				'A head teacher proposes a ban on phones in lessons; a parent, two pupils, a researcher and the caretaker answer. Use it to ask which claims rest on evidence.'
			);
		await page
			.locator('#map-discussion')
			.fill(
				'Which claims rest on evidence?\nWhose reasons are about safety, and whose about learning?'
			);
		await page.getByRole('button', { name: 'Save map details' }).click();
		await saved(page, /Done: edit the map's summary, discussion/);
		const order = page.getByRole('group', { name: 'Presentation order' });
		for (const claim of ['Phones should be banned', 'Phones keep children safe']) {
			const option = await order.locator('option', { hasText: claim }).getAttribute('value');
			await order.getByLabel('Add a node to presentation order').selectOption(option!);
			await order.getByRole('button', { name: 'Add', exact: true }).click();
		}
		await order.getByRole('button', { name: 'Save presentation order' }).click();
		await saved(page, /Done: edit the map's reveal order/);
		await page.getByRole('tab', { name: 'Selected node' }).click();

		// The file: the tree as built, every node valid, and the content check passes.
		const written = parse(readFileSync(mapFile(mapId), 'utf8'));
		expect(shape(written.thesis)).toEqual({
			claim: 'Phones should be banned in lessons.',
			supports: [
				{
					claim: 'Phones distract pupils during lessons.',
					rebuts: [{ claim: 'Phones distract pupils only in dull lessons.' }]
				},
				{
					claim: 'Test scores rose where phones were banned.',
					rebuts: [{ claim: 'The test score studies were small.' }]
				}
			],
			rebuts: [
				{
					claim: 'Phones keep children safe on the way home.',
					supports: [{ claim: 'Parents want to reach their children.' }]
				},
				{
					claim: 'Bans are hard to enforce.',
					rebuts: [{ claim: 'Teachers can collect phones at the door.' }]
				},
				{ claim: 'Phones help pupils look things up.' }
			]
		});
		const dull = written.thesis.supports[0].rebuts[0];
		expect(dull.cites[0]).toMatchObject({ quote: 'phones distract pupils' });
		expect(dull.cites[0].prefix ?? dull.cites[0].suffix).toBeTruthy();
		expect(written.discussion).toHaveLength(2);
		expect(written.reveal_order).toEqual(['thesis', written.thesis.rebuts[0].id]);
		const check = spawnSync('npx', ['tsx', 'scripts/check-content.ts', contentRoot()], {
			encoding: 'utf8'
		});
		expect(check.status, check.stderr).toBe(0);
		expect(check.stdout).toMatch(/^content ok: /m);
		// Not even a policy warning for the new map (every node cites the text).
		expect(check.stderr).not.toContain(`${mapId}.yaml`);

		await page.setViewportSize({ width: 1440, height: 900 });
		await row(page, 'Phones distract pupils during').click();
		await page.screenshot({ path: 'test-results/studio-1440x900.png' });
		await expectAccessible(page);
		await page.setViewportSize({ width: 375, height: 812 });
		await page.screenshot({ path: 'test-results/studio-375x812.png', fullPage: false });

		// The map in the explorer and in the presentation.
		await page.setViewportSize({ width: 1280, height: 800 });
		await page.goto(`/maps/${mapId}`);
		await expect(page.getByRole('heading', { name: 'Phones in school' })).toBeVisible();
		await expect(page.getByTestId('studio-link')).toBeVisible();
		await page.goto(`/outline/${mapId}`);
		await expect(page.getByText('Teachers can collect phones at the door.').first()).toBeVisible();
		await page.goto(`/present/${mapId}`);
		await expect(page.getByTestId('presentation')).toHaveAttribute('data-ready', 'true');
		await expect(page.getByTestId('slide')).toContainText('Should phones be banned in lessons?');
		await page.keyboard.press('ArrowRight');
		await expect(page.getByTestId('slide')).toContainText('Phones should be banned in lessons.');
		await expect(page.getByTestId('step-count')).toHaveText(/\/ 10\b/);
	});

	test('refuses every step without the editor’s sign-in, on the server', async ({ playwright }) => {
		const file = mapFile('e2e-school-day');
		const before = readFileSync(file, 'utf8');
		const stranger = await playwright.request.newContext({
			baseURL: test.info().project.use.baseURL
		});
		const response = await stranger.post('/studio/e2e-school-day/edit', {
			data: {
				version: 'x',
				edits: [{ edit: { kind: 'remove', id: 'sleep' }, basis: {} }]
			}
		});
		expect(response.status()).toBe(403);
		expect(await response.json()).toMatchObject({ ok: false, message: /Sign in as an editor/ });
		const page = await stranger.get('/studio/e2e-school-day');
		expect(await page.text()).toContain('The studio is for editors');
		expect(readFileSync(file, 'utf8')).toBe(before);
		await stranger.dispose();
	});

	test('two editors at once: a change to another node is merged, one to the same node refused', async ({
		page,
		context
	}) => {
		const mapId = `two-editors-${Date.now().toString(36)}`;
		await signIn(page);
		const origin = new URL(page.url()).origin;
		const made = await page.request.post('/new?/map', {
			headers: { origin, 'x-sveltekit-action': 'true' },
			form: {
				id: mapId,
				title: 'Two editors',
				question: 'Should the school day start later?',
				summary: 'Two editors at once.',
				source: 'e2e-school-day',
				claim: 'The school day should start an hour later.',
				quote: 'the school day should start an hour later'
			}
		});
		expect(made.ok()).toBe(true);
		await page.goto(`/studio/${mapId}`);
		await row(page, 'The school day').click();
		await page.keyboard.press('s');
		await page.locator('#new-claim').fill('Teenagers sleep too little.');
		await page.locator('#new-claim').press('Enter');
		await expect(row(page, 'Teenagers sleep')).toBeVisible();
		await page.locator('#new-claim').press('Escape');

		const other = await context.newPage();
		await other.goto(`/studio/${mapId}`);
		// The first editor changes the support; the second, without reloading, the thesis.
		await row(page, 'Teenagers sleep').click();
		await page.locator('#node-claim').fill('Teenagers sleep too little with an early start.');
		await page.getByRole('button', { name: 'Save the node' }).click();
		await saved(page, /Done: edit claim/);
		await row(other, 'The school day').click();
		await other.locator('#node-claim').fill('School should start an hour later.');
		await other.getByRole('button', { name: 'Save the node' }).click();
		await saved(other, /merged with another editor's changes/);
		await expect(row(other, 'with an early start')).toBeVisible();
		// Now both change the thesis: the one who had not seen the other's change is refused.
		await row(page, 'The school day').click();
		await page.locator('#node-claim').fill('The school day should begin later.');
		await page.getByRole('button', { name: 'Save the node' }).click();
		await expect(page.getByTestId('node-error')).toContainText(
			'another editor changed the node "thesis" since you loaded the map'
		);
		const written = parse(readFileSync(mapFile(mapId), 'utf8'));
		expect(written.thesis.claim).toBe('School should start an hour later.');
		expect(written.thesis.supports[0].claim).toBe(
			'Teenagers sleep too little with an early start.'
		);
	});

	test('imports a Kialo discussion into the studio; a bad file gets one message and writes nothing', async ({
		page
	}) => {
		const id = `imported-${Date.now().toString(36)}`;
		await signIn(page);
		await page.goto('/new');
		const form = page.getByTestId('import-form');
		const send = async (name: string, content: Buffer, format: string) => {
			await form
				.getByLabel(/The file/)
				.setInputFiles({ name, mimeType: 'text/plain', buffer: content });
			await form.getByLabel(/Its format/).selectOption(format);
			await form.getByLabel(/Map id/).fill(id);
			await form.getByRole('button', { name: 'Import and open the studio' }).click();
		};
		const error = page.getByTestId('import-upload-error');
		await send('broken.txt', Buffer.from('1. A\n1.1. Pro: B\n1.3.1. Con: C\n'), 'kialo');
		await expect(error).toHaveText(/broken\.txt, line 3: "1\.3\.1\." has no parent "1\.3\."/);
		await send('map.argdown', Buffer.from('[A]: a\n    + [B]: b\n  - [C]: c\n'), 'argdown');
		await expect(error).toHaveText(/map\.argdown, line 3:1: Argdown syntax/);
		await send('graph.json', Buffer.from([0x7b, 0x00, 0x01]), 'aif');
		await expect(error).toHaveText(/graph\.json: a binary file \(a zero byte at offset 1\)/);
		// Refused in the page, before it is sent, in the server's words.
		await send('big.txt', Buffer.alloc(10 * 1024 * 1024, 'a'), 'kialo');
		await expect(error).toHaveText(/big\.txt: the file is 10\.0 MB, more than the 2\.0 MB/);
		expect(existsSync(mapFile(id))).toBe(false);

		// A real export can be well over the server's default 512 kB body
		// limit: 1.5 MB, most of it the trailing sources block, goes through.
		const footnotes = Array.from({ length: 6000 }, (_, i) =>
			`[${i + 1}] https://example.org/a-source-of-the-discussion/${i}`.padEnd(250, '.')
		).join('\n');
		await send(
			'phones.txt',
			Buffer.from(
				'Discussion Title: Phones\n\n1. Thesis: Phones should be banned in lessons.\n1.1. Pro: They distract pupils.\n1.2. Con: They keep children safe.\n\nSources:\n' +
					footnotes +
					'\n'
			),
			'kialo'
		);
		await expect(page).toHaveURL(new RegExp(`/studio/${id}$`));
		await expect(page.getByRole('heading', { name: /Needs a passage \(3\)/ })).toBeVisible();
		await expect(page.getByTestId('needs-passage')).toContainText('They keep children safe.');
		await expect(row(page, 'They distract pupils')).toContainText('needs a passage');
		expect(parse(readFileSync(mapFile(id), 'utf8')).thesis.editorial).toMatch(/^Needs a passage: /);
	});
});

/**
 * A map of its own for one test: the school-day fixture (comments, a folded
 * summary, a flow reveal_order) under a new id, written as a curator would.
 */
function copyOfSchoolDay(name: string): string {
	const id = `${name}-${Date.now().toString(36)}`;
	const text = readFileSync('tests/fixtures/e2e/arguments/e2e-school-day.yaml', 'utf8');
	writeFileSync(mapFile(id), text.replace(/^id: e2e-school-day$/m, `id: ${id}`));
	return id;
}

const archiveFile = (id: string) => join(contentRoot(), 'content', 'archive', `${id}.yaml`);

async function openStudio(page: Page, id: string) {
	await page.goto(`/studio/${id}`);
	await expect(page.getByTestId('outline')).toHaveAttribute('data-ready');
}

async function selectRow(page: Page, claim: string) {
	await row(page, claim).click();
	await expect(row(page, claim)).toHaveAttribute('aria-selected', 'true');
}

test.describe('The studio, one step at a time on a hand-written map', () => {
	test('a deleted node is listed from the archive, and Restore puts it back in the tree, the order and the file', async ({
		page
	}) => {
		const id = copyOfSchoolDay('restore');
		const before = readFileSync(mapFile(id), 'utf8');
		await signIn(page);
		await openStudio(page, id);
		await selectRow(page, 'Sleepy pupils learn less');
		await page.getByTestId('delete').click();
		await saved(page, /Done: delete .*Sleepy pupils/);
		await expect(row(page, 'Sleepy pupils learn less')).toHaveCount(0);
		const without = readFileSync(mapFile(id), 'utf8');
		expect(without).not.toContain('id: learn-less');
		expect(parse(readFileSync(archiveFile(id), 'utf8'))).toEqual([
			expect.objectContaining({
				map: id,
				parent: 'later-start',
				relation: 'supports',
				index: 1,
				deleted: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
				// The presentation order it was in, to put it back there.
				reveal_order: parse(before).reveal_order,
				node: expect.objectContaining({
					id: 'learn-less',
					claim: 'Sleepy pupils learn less in the first lesson.'
				})
			})
		]);

		// A new visit lists it from the archive file, not from the page's memory.
		await openStudio(page, id);
		const deleted = page.getByTestId('deleted');
		await expect(deleted).toContainText('Sleepy pupils learn less in the first lesson.');
		await deleted
			.getByRole('listitem')
			.filter({ hasText: 'Sleepy pupils learn less' })
			.getByRole('button', { name: 'Restore' })
			.click();
		await saved(page, /Done: restore .*Sleepy pupils/);
		await expect(row(page, 'Sleepy pupils learn less')).toHaveAttribute('aria-selected', 'true');
		await expect(page.getByTestId('deleted')).toHaveCount(0);

		// Back in its place in the file, its own lines as they were.
		const after = readFileSync(mapFile(id), 'utf8');
		const written = parse(after);
		expect(written.thesis.supports.map((n: { id: string }) => n.id)).toEqual([
			'sleep',
			'learn-less'
		]);
		expect(written.thesis.supports[1]).toEqual(parse(before).thesis.supports[1]);
		// And in the presentation order, as one step: the file is as it was, byte for byte.
		expect(after).toBe(before);
		await expect(row(page, 'Sleepy pupils learn less')).toContainText('Supports');

		// The restore is one step: its undo takes out the node and its place in the order again.
		await page.getByTestId('undo').click();
		await saved(page, /Undone: restore .*Sleepy pupils/);
		await expect(row(page, 'Sleepy pupils learn less')).toHaveCount(0);
		expect(readFileSync(mapFile(id), 'utf8')).toBe(without);
	});

	test('a note, an editorial reason and the question: each changes only its own lines and shows in the explorer', async ({
		page
	}) => {
		const id = copyOfSchoolDay('fields');
		await signIn(page);
		await openStudio(page, id);
		const diffOf = async (act: () => Promise<void>) => {
			const before = readFileSync(mapFile(id), 'utf8');
			await act();
			return lineDiff(before, readFileSync(mapFile(id), 'utf8'));
		};

		// A note on a node that had none: one line added, beside its claim.
		const note = await diffOf(async () => {
			await selectRow(page, 'Teenagers sleep too little');
			await page.locator('#node-note').fill('Two surveys of pupils found the same.');
			await page.getByRole('button', { name: 'Save the node' }).click();
			await saved(page, /Done: edit note of .*Teenagers sleep/);
		});
		expect(note).toEqual({
			removed: [],
			added: [expect.stringMatching(/^ {6}note: Two surveys of pupils found the same\.$/)]
		});

		// The reason of an editorial node: its one line, in place.
		const reason = await diffOf(async () => {
			await selectRow(page, 'Someone would have to pay');
			await page
				.locator('#node-editorial')
				.fill('No speaker says this; it is the question the shared buses raise.');
			await page.getByRole('button', { name: 'Save the node' }).click();
			await saved(page, /Done: edit editorial of .*Someone would have to pay/);
		});
		expect(reason).toEqual({
			removed: ['      editorial: No speaker says this; added as the question the buses raise.'],
			added: ['      editorial: No speaker says this; it is the question the shared buses raise.']
		});

		// The map's question, from the map's details.
		const question = await diffOf(async () => {
			await page.getByRole('tab', { name: 'Map details' }).click();
			await page.locator('#map-question').fill('Should school start an hour later than now?');
			await page.getByRole('button', { name: 'Save map details' }).click();
			await saved(page, /Done: edit the map's question/);
		});
		expect(question).toEqual({
			removed: ['question: Should the school day start an hour later?'],
			added: ['question: Should school start an hour later than now?']
		});

		// The explorer shows each.
		await page.goto(`/maps/${id}/sleep`);
		await expect(page.locator('p.question')).toContainText(
			'Should school start an hour later than now?'
		);
		await expect(page.getByTestId('node-detail')).toContainText(
			'Two surveys of pupils found the same.'
		);
		await page.goto(`/maps/${id}/cost`);
		await expect(page.getByTestId('node-detail')).toContainText(
			'Editorial: No speaker says this; it is the question the shared buses raise.'
		);
	});

	test('undoing a delete puts back the node and its place in the presentation order in one write, or nothing', async ({
		page
	}) => {
		const id = copyOfSchoolDay('compound');
		const before = readFileSync(mapFile(id), 'utf8');
		await signIn(page);
		await openStudio(page, id);
		// "sleep" and its rebuttal "evidence" are both in reveal_order.
		await selectRow(page, 'Teenagers sleep too little');
		await page.keyboard.press('Delete');
		await saved(page, /Done: delete .*Teenagers sleep/);
		const without = readFileSync(mapFile(id), 'utf8');
		expect(parse(without).reveal_order).toEqual([
			'later-start',
			'work-after-school',
			'buses',
			'learn-less',
			'cost'
		]);

		// Undo: the node, with its rebuttal, and both places in the order, as one step.
		await page.getByTestId('undo').click();
		await saved(page, /Undone: delete .*Teenagers sleep/);
		await expect(row(page, 'Teenagers sleep too little')).toBeVisible();
		await expect(row(page, 'The studies measured attendance')).toBeVisible();
		expect(readFileSync(mapFile(id), 'utf8')).toBe(before);

		// Redo: gone again, the file as the delete left it.
		await page.getByTestId('redo').click();
		await saved(page, /Redone: delete .*Teenagers sleep/);
		await expect(row(page, 'Teenagers sleep too little')).toHaveCount(0);
		expect(readFileSync(mapFile(id), 'utf8')).toBe(without);

		// Another editor reorders the presentation meanwhile: the undo would put back the
		// node without its place in the order, so it is refused whole and nothing is written.
		const other = await page.context().newPage();
		await openStudio(other, id);
		const order = other.getByRole('group', { name: 'Presentation order' });
		await other.getByRole('tab', { name: 'Map details' }).click();
		await order.getByRole('button', { name: /^Earlier: Someone would have to pay/ }).click();
		await order.getByRole('button', { name: 'Save presentation order' }).click();
		await saved(other, /Done: edit the map's reveal order/);
		const theirs = readFileSync(mapFile(id), 'utf8');
		await page.getByTestId('undo').click();
		await expect(page.getByTestId('history-error')).toContainText(
			"another editor changed the map's reveal order since you loaded it"
		);
		expect(readFileSync(mapFile(id), 'utf8')).toBe(theirs);
		await expect(row(page, 'Teenagers sleep too little')).toHaveCount(0);
		await other.close();
	});
});
