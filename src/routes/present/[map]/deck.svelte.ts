/**
 * A presentation window's state (position, quiz mode, the big QR code), kept
 * in step with every other window presenting the same map in this browser:
 * the projected screen and the presenter view follow each other over a
 * BroadcastChannel, whichever one the teacher's clicker talks to. A window
 * that opens asks the others where the talk stands.
 */
import {
	channelName,
	nextPosition,
	overviewStep,
	previousPosition,
	readMessage,
	revealRelation,
	relationShown,
	START,
	type KeyAction,
	type Message,
	type Position,
	type Shared,
	type Slide
} from '$lib/arguments/present';

export class Deck<S extends Slide = Slide> {
	pos: Position = $state(START);
	quiz = $state(false);
	qr = $state(false);
	/** Another window answered or moved: this one is not alone. */
	linked = $state(false);

	readonly #slides: () => readonly S[];
	readonly #onchange: () => void;
	#channel: BroadcastChannel | undefined;

	/** `onchange` runs after every change made here or by another window (e.g. to write the URL). */
	constructor(slides: () => readonly S[], onchange: () => void) {
		this.#slides = slides;
		this.#onchange = onchange;
	}

	get slides() {
		return this.#slides();
	}
	get current(): S | undefined {
		return this.pos.step > 0 ? this.slides[this.pos.step - 1] : undefined;
	}
	get overview() {
		return this.pos.step === overviewStep(this.slides);
	}
	/** The current node's relation is hidden (quiz mode, before the reveal). */
	get hidden() {
		return (
			this.current !== undefined &&
			!relationShown(this.pos, this.pos.step - 1, this.slides, this.quiz)
		);
	}
	shown = (index: number) => relationShown(this.pos, index, this.slides, this.quiz);

	/** Join the map's channel; returns the function that leaves it. */
	connect(mapId: string): () => void {
		if (typeof BroadcastChannel === 'undefined') return () => {};
		const channel = new BroadcastChannel(channelName(mapId));
		this.#channel = channel;
		channel.onmessage = (event) => this.#receive(readMessage(event.data, this.slides));
		this.#post({ kind: 'hello' });
		return () => {
			channel.close();
			this.#channel = undefined;
		};
	}

	#receive(message: Message | undefined) {
		if (!message) return;
		this.linked = true;
		if (message.kind === 'hello') return this.#post({ kind: 'state', state: this.#shared() });
		const { pos, quiz, qr } = message.state;
		this.pos = pos;
		this.quiz = quiz;
		this.qr = qr;
		this.#onchange();
	}

	#shared(): Shared {
		return { pos: { ...this.pos }, quiz: this.quiz, qr: this.qr };
	}

	#post(message: Message) {
		this.#channel?.postMessage(message);
	}

	/** Change the state here and in every other window. */
	set(change: Partial<Shared>) {
		const next = { ...this.#shared(), ...change };
		if (JSON.stringify(next) === JSON.stringify(this.#shared())) return;
		this.pos = next.pos;
		this.quiz = next.quiz;
		this.qr = next.qr;
		this.#post({ kind: 'state', state: this.#shared() });
		this.#onchange();
	}

	next = () => this.set({ pos: nextPosition(this.pos, this.slides, this.quiz) });
	previous = () => this.set({ pos: previousPosition(this.pos, this.slides, this.quiz) });
	reveal = () => {
		if (this.hidden) this.set({ pos: revealRelation(this.pos) });
	};
	toggleQuiz = () => this.set({ quiz: !this.quiz, pos: { step: this.pos.step, answered: false } });
	toggleQr = () => this.set({ qr: !this.qr });

	/** Do what a key asks that every window does alike; the rest is the page's to handle. */
	act(action: KeyAction): boolean {
		switch (action) {
			case 'next':
				this.next();
				return true;
			case 'previous':
				this.previous();
				return true;
			case 'first':
				this.set({ pos: START });
				return true;
			case 'last':
				this.set({ pos: { step: overviewStep(this.slides), answered: false } });
				return true;
			case 'reveal':
				this.reveal();
				return true;
			case 'qr':
				this.toggleQr();
				return true;
			default:
				return false;
		}
	}
}
