/**
 * The fan-out in one app process: the Server-Sent Events streams connected to
 * it, per session. It hears every change from the store (its own and, with
 * PostgreSQL, other processes') and sends it on:
 *
 * - `state` (the public state: slide, prompt, relations shown) to every
 *   stream of the session, the moment it changes, with the state's seq as the
 *   event id so a reconnecting phone says where it was;
 * - `tally` (joined count and the counts of the prompt on screen) to streams
 *   that watch (the projector and the teacher), at most every TALLY_MS while
 *   answers arrive, so 300 answers cost a handful of reads, not 300.
 *
 * A ping every HEARTBEAT_MS keeps idle streams open through proxies, shows a
 * dropped client to the server, and tells the page its stream is alive.
 */
import { publicState, type LiveState, type PublicState } from '../../live/session';
import { stancePair, stanceShift, type StanceShift, type Tally } from '../../live/answers';
import type { LiveEvent, SessionRecord, SessionStore } from './store';

export const HEARTBEAT_MS = 15_000;
export const TALLY_MS = 50;

export interface Client {
	/** Projector or teacher: also gets tallies. */
	watch: boolean;
	send(chunk: string): void;
	close(): void;
}

export interface TallyMessage {
	joined: number;
	tally: Tally | null;
	/** When the "after" stance is on screen: how the class moved since "before". */
	shift: StanceShift | null;
}

interface Room {
	clients: Set<Client>;
	record: SessionRecord;
	/** The last state message, serialized once for every stream. */
	stateChunk: string;
	tallyChunk?: string;
	tallyTimer?: ReturnType<typeof setTimeout>;
	tallyRunning?: boolean;
	tallyAgain?: boolean;
}

export const sseMessage = (event: string, data: unknown, id?: number) =>
	`${id === undefined ? '' : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

export class Hub {
	private rooms = new Map<string, Room>();
	private heartbeat: ReturnType<typeof setInterval>;

	constructor(private readonly store: SessionStore) {
		store.subscribe((event) => this.onEvent(event));
		// An event, not a comment: the page's watchdog sees it.
		this.heartbeat = setInterval(() => this.broadcastAll('event: ping\ndata: \n\n'), HEARTBEAT_MS);
		this.heartbeat.unref();
	}

	/** Streams connected to this process, for the bench and tests. */
	get connections(): number {
		let n = 0;
		for (const room of this.rooms.values()) n += room.clients.size;
		return n;
	}

	/**
	 * Add a stream to a session's room and send it where the class is (unless
	 * its Last-Event-ID says it already has this state), and for watchers the counts.
	 */
	async connect(record: SessionRecord, client: Client, lastEventId?: number): Promise<() => void> {
		let room = this.rooms.get(record.id);
		if (!room) {
			room = {
				clients: new Set(),
				record,
				stateChunk: this.stateChunk(record, record.state)
			};
			this.rooms.set(record.id, room);
			// A change may have landed between reading `record` and opening the room.
			void this.refresh(record.id);
		}
		room.clients.add(client);
		client.send('retry: 1000\n\n');
		if (lastEventId !== room.record.state.seq) client.send(room.stateChunk);
		if (client.watch) {
			if (room.tallyChunk) client.send(room.tallyChunk);
			else this.scheduleTally(record.id, 0);
		}
		return () => this.disconnect(record.id, client);
	}

	private disconnect(id: string, client: Client) {
		const room = this.rooms.get(id);
		if (!room) return;
		room.clients.delete(client);
		if (room.clients.size === 0) {
			clearTimeout(room.tallyTimer);
			this.rooms.delete(id);
		}
	}

	private stateChunk(record: SessionRecord, state: LiveState): string {
		const data: PublicState = publicState(state, record.slides);
		return sseMessage('state', data, state.seq);
	}

	private onEvent(event: LiveEvent) {
		if (event.type === 'resync') {
			for (const id of this.rooms.keys()) void this.refresh(id);
			return;
		}
		const room = this.rooms.get(event.session);
		if (!room) return;
		switch (event.type) {
			case 'state': {
				// Events can arrive out of order across processes: never step back.
				if (event.state.seq <= room.record.state.seq) return;
				room.record = { ...room.record, state: event.state };
				room.stateChunk = this.stateChunk(room.record, event.state);
				this.broadcast(room, room.stateChunk);
				this.scheduleTally(event.session, 0);
				return;
			}
			case 'join':
			case 'answer':
				this.scheduleTally(event.session, TALLY_MS);
				return;
			case 'deleted':
				this.broadcast(room, sseMessage('deleted', {}));
				for (const c of room.clients) c.close();
				this.rooms.delete(event.session);
		}
	}

	/** Read the session again (after the fan-out reconnected) and send what changed. */
	private async refresh(id: string) {
		const record = await this.store.get(id).catch(() => undefined);
		const room = this.rooms.get(id);
		if (!room) return;
		if (!record) return this.onEvent({ type: 'deleted', session: id });
		if (record.state.seq > room.record.state.seq)
			this.onEvent({ type: 'state', session: id, state: record.state });
		this.scheduleTally(id, 0);
	}

	private scheduleTally(id: string, delay: number) {
		const room = this.rooms.get(id);
		if (!room || ![...room.clients].some((c) => c.watch)) return;
		if (room.tallyRunning) {
			room.tallyAgain = true;
			return;
		}
		if (room.tallyTimer) {
			if (delay > 0) return;
			clearTimeout(room.tallyTimer);
		}
		room.tallyTimer = setTimeout(() => void this.sendTally(id), delay);
	}

	private async sendTally(id: string) {
		const room = this.rooms.get(id);
		if (!room) return;
		room.tallyTimer = undefined;
		room.tallyRunning = true;
		try {
			const message = await this.tallyFor(room.record);
			room.tallyChunk = sseMessage('tally', message);
			for (const c of room.clients) if (c.watch) c.send(room.tallyChunk);
		} catch (e) {
			console.error('live: counting failed:', (e as Error).message);
		} finally {
			room.tallyRunning = false;
			if (room.tallyAgain) {
				room.tallyAgain = false;
				this.scheduleTally(id, TALLY_MS);
			}
		}
	}

	private async tallyFor(record: SessionRecord): Promise<TallyMessage> {
		const { state } = record;
		const shown = publicState(state, record.slides).prompt;
		const [joined, tally] = await Promise.all([
			this.store.participantCount(record.id),
			shown ? this.store.counts(record.id, shown.id) : null
		]);
		let shift: StanceShift | null = null;
		const pair = stancePair(state);
		if (shown?.kind === 'stance' && shown.phase === 'after' && pair.before && pair.after)
			shift = await stanceShiftOf(this.store, record.id, pair.before.id, pair.after.id);
		return { joined, tally, shift };
	}

	private broadcast(room: Room, chunk: string) {
		for (const c of room.clients) c.send(chunk);
	}

	private broadcastAll(chunk: string) {
		for (const room of this.rooms.values()) this.broadcast(room, chunk);
	}

	close() {
		clearInterval(this.heartbeat);
		for (const room of this.rooms.values()) for (const c of room.clients) c.close();
		this.rooms.clear();
	}
}

/** The stance shift between two prompts of a session, per device. */
export async function stanceShiftOf(
	store: SessionStore,
	id: string,
	before: number,
	after: number
): Promise<StanceShift> {
	const answers = await store.answers(id);
	const of = (prompt: number) =>
		new Map(answers.filter((a) => a.prompt === prompt).map((a) => [a.device, a.value]));
	return stanceShift(of(before), of(after));
}
