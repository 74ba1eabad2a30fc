/**
 * The studio page's state: the map as the server last answered it, the
 * selected node, and the steps to undo and redo. Every change goes to the
 * server as a step (edit.+server.ts), each edit with the state of the nodes
 * it touches as this page saw them, so that the server merges it with other
 * editors' changes or refuses it; nothing changes here until the server has
 * written it. A refusal is kept with the place (`where`) of the control that
 * asked, which shows it.
 */
import type { EditResult, MapEdit } from '$lib/arguments/edit';
import type { MapInput, NodeInput, Relation } from '$lib/arguments/schema';
import { editBasis, nodeIndex, restoreEdits } from '$lib/arguments/studio/ops';
import { describeEdit, stepOf, type Step } from '$lib/arguments/studio/steps';

type Answer =
	| { ok: true; results: EditResult[]; version: string; map: MapInput; merged: boolean }
	| { ok: false; message: string };

export interface Deleted {
	id: string;
	claim: string;
	parent: string;
	relation: Relation;
	index?: number;
	node: NodeInput;
	deleted: string;
	/** The presentation order and lesson path before the delete, when they named it (or under it). */
	reveal_order?: string[];
	lesson_path?: string[];
}

export class Studio {
	map: MapInput = $state.raw({} as MapInput);
	version = $state('');
	selected = $state('');
	done: Step[] = $state.raw([]);
	undone: Step[] = $state.raw([]);
	/** The last refusal, and the control it belongs to. */
	refusal: { where: string; message: string } | undefined = $state();
	/** Said to screen readers (and shown) after each step. */
	notice = $state('');
	/** Where a new node is being written in the outline. */
	adding: { parent: string; relation: Relation } | undefined = $state();
	deleted: Deleted[] = $state.raw([]);
	readonly endpoint: string;

	constructor(endpoint: string, map: MapInput, version: string, deleted: Deleted[]) {
		this.endpoint = endpoint;
		this.map = map;
		this.version = version;
		this.selected = map.thesis.id;
		this.deleted = deleted;
	}

	nodes = $derived(nodeIndex(this.map));

	claimOf = (id: string) => this.nodes.get(id)?.node.claim;

	/** The refusal for the control at `where`, if that is where the last one came from. */
	refusalAt(where: string): string | undefined {
		return this.refusal?.where === where ? this.refusal.message : undefined;
	}

	private async send(edits: MapEdit[]): Promise<Answer> {
		const body = JSON.stringify({
			version: this.version,
			edits: edits.map((edit) => ({ edit, basis: editBasis(this.map, edit) }))
		});
		try {
			const response = await fetch(this.endpoint, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body
			});
			const answer = (await response.json().catch(() => undefined)) as Answer | undefined;
			return answer ?? { ok: false, message: `the server answered ${response.status}` };
		} catch {
			return { ok: false, message: 'the server could not be reached: nothing was changed' };
		}
	}

	private accept(answer: Answer & { ok: true }, said: string) {
		this.map = answer.map;
		this.version = answer.version;
		this.refusal = undefined;
		this.notice = answer.merged ? `${said} (merged with another editor's changes)` : said;
		if (!this.nodes.has(this.selected)) this.selected = this.map.thesis.id;
	}

	private refuse(where: string, message: string) {
		this.refusal = { where, message };
		this.notice = `Not changed: ${message}`;
	}

	// Steps go to the server one at a time, in the order they were asked for:
	// a key pressed while one is saving waits its turn.
	private chain: Promise<unknown> = Promise.resolve();
	pending = $state(0);
	busy = $derived(this.pending > 0);

	private serial<T>(task: () => Promise<T>): Promise<T> {
		this.pending++;
		const run = this.chain.then(task).finally(() => this.pending--);
		this.chain = run.catch(() => {});
		return run;
	}

	/**
	 * Make one edit, or several as one step (written together or not at all),
	 * as a step that can be undone; `where` names the control that asked, to
	 * show a refusal beside it. `edit` may be a function, called when the
	 * step's turn comes, on the map as it is then (or saying why there is
	 * nothing to do). Resolves with what the first edit did, or undefined.
	 */
	apply(
		edit: MapEdit | MapEdit[] | (() => MapEdit | MapEdit[] | string),
		where: string,
		label?: string
	): Promise<EditResult | undefined> {
		return this.serial(async () => {
			const asked = typeof edit === 'function' ? edit() : edit;
			if (typeof asked === 'string') {
				this.notice = `Not changed: ${asked}.`;
				return undefined;
			}
			const made = Array.isArray(asked) ? asked : [asked];
			const said = label ?? describeEdit(made[0]!, this.claimOf);
			const before = this.map;
			const answer = await this.send(made);
			if (!answer.ok) return void this.refuse(where, answer.message);
			for (const result of answer.results) {
				if ('removed' in result) this.remember(result.removed);
				if (result.kind === 'insert') this.deleted = this.deleted.filter((d) => d.id !== result.id);
			}
			this.done = [...this.done, stepOf(said, before, answer.map, made, answer.results)];
			this.undone = [];
			this.accept(answer, `Done: ${said}.`);
			return answer.results[0];
		});
	}

	private remember(removed: Extract<EditResult, { removed: unknown }>['removed']) {
		const { node } = removed;
		this.deleted = [
			// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a timestamp, not state
			{ ...removed, id: node.id, claim: node.claim, deleted: new Date().toISOString() },
			...this.deleted.filter((d) => d.id !== node.id)
		];
	}

	async undo() {
		await this.replay('undo');
	}

	async redo() {
		await this.replay('redo');
	}

	private replay(which: 'undo' | 'redo') {
		return this.serial(async () => {
			const from = which === 'undo' ? this.done : this.undone;
			const step = from.at(-1);
			if (!step) return;
			const answer = await this.send(step[which]);
			if (!answer.ok) return void this.refuse('history', answer.message);
			for (const result of answer.results) if ('removed' in result) this.remember(result.removed);
			if (which === 'undo') {
				this.done = this.done.slice(0, -1);
				this.undone = [...this.undone, step];
			} else {
				this.undone = this.undone.slice(0, -1);
				this.done = [...this.done, step];
			}
			this.accept(answer, `${which === 'undo' ? 'Undone' : 'Redone'}: ${step.label}.`);
		});
	}

	/** Deleted nodes that are not back in the map. */
	restorable = $derived(this.deleted.filter((d) => !this.nodes.has(d.id)));

	/**
	 * Put a deleted node back where it was (or at the end of its parent's
	 * list), and in the presentation order and lesson path, as one step.
	 */
	async restore(entry: Deleted) {
		const result = await this.apply(
			() => restoreEdits(this.map, entry),
			`restore:${entry.id}`,
			`restore “${entry.claim}”`
		);
		if (result) this.selected = entry.id;
	}
}
